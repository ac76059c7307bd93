import type { DirectoryGroupMembers, DirectoryUser } from "./directory.ts";

// A directory is another system: its names can hold anything. These cannot be Gatehouse names:
// control, format and invisible characters (they make a name look like another), "/" (it
// separates DOMAIN/name), lone surrogates (not text; PostgreSQL refuses them), NUL.
const UNSAFE_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}/]|[\uD800-\uDFFF]/u;
const UNSAFE_TEXT = /\u0000|[\uD800-\uDFFF]/u;
const MAX_NAME = 255;
const MAX_EXTERNAL_ID = 2048;

export function usableName(name: unknown): name is string {
  return typeof name === "string" && name.trim().length > 0 && name.length <= MAX_NAME && !UNSAFE_NAME.test(name);
}

export function usableExternalId(id: unknown): id is string {
  return typeof id === "string" && id.length > 0 && id.length <= MAX_EXTERNAL_ID && !UNSAFE_TEXT.test(id);
}

/** The claims Gatehouse can keep: text values; an empty value means "not set". */
function usableClaims(claims: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [claim, value] of Object.entries(claims ?? {})) {
    if (typeof value !== "string" || value === "" || claim.length > 255 || value.length > 4096) continue;
    if (UNSAFE_TEXT.test(claim) || UNSAFE_TEXT.test(value)) continue;
    out[claim] = value;
  }
  return out;
}

/** The users of a page Gatehouse can mirror, one per externalId; the rest are counted as skipped. */
export function usableUsers(page: readonly DirectoryUser[]): { users: DirectoryUser[]; skipped: number } {
  const seen = new Set<string>();
  const users: DirectoryUser[] = [];
  for (const u of page) {
    if (!usableExternalId(u.externalId) || !usableName(u.username) || seen.has(u.externalId)) continue;
    seen.add(u.externalId);
    const formerId = usableExternalId(u.formerId) ? { formerId: u.formerId } : {};
    users.push({ externalId: u.externalId, username: u.username, claims: usableClaims(u.claims), ...formerId });
  }
  return { users, skipped: page.length - users.length };
}

export function usableGroups(page: readonly DirectoryGroupMembers[]): { groups: DirectoryGroupMembers[]; skipped: number } {
  const seen = new Set<string>();
  const groups: DirectoryGroupMembers[] = [];
  for (const g of page) {
    if (!usableExternalId(g.externalId) || !usableName(g.name) || seen.has(g.externalId)) continue;
    seen.add(g.externalId);
    const formerId = usableExternalId(g.formerId) ? { formerId: g.formerId } : {};
    groups.push({ externalId: g.externalId, name: g.name, memberIds: [...new Set(g.memberIds.filter(usableExternalId))], ...formerId });
  }
  return { groups, skipped: page.length - groups.length };
}
