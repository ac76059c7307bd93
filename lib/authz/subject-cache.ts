/**
 * A principal's roles and grants, cached across requests by (database, tenant, user, the
 * tenant's authorization version). The session statement reads the version on every request
 * (lib/sessions/resolve-session.ts), and triggers bump it with every membership, grant or role
 * change (lib/authz/version.ts), so a change on any server process misses this cache on the
 * very next request. A hit costs no query.
 *
 * Bounded: at most MAX_ENTRIES users, least recently used dropped first (a Map in use order).
 */
import type { Db } from "../db/client.ts";
import { loadSubjectRoles, type SubjectRoles } from "./principal.ts";

export const MAX_ENTRIES = 50_000;

type Entry = { version: number; subject: Promise<SubjectRoles> };
const entries = new Map<string, Entry>();

const dbIds = new WeakMap<object, number>();
let nextDbId = 1;
function keyOf(client: object, tenantId: number, userId: number): string {
  if (!dbIds.has(client)) dbIds.set(client, nextDbId++);
  return `${dbIds.get(client)}:${tenantId}:${userId}`;
}

export function clearSubjectCache(): void {
  entries.clear();
}

/** The user's roles and grants at `version` or newer. Version 0 (no version row) is never cached. */
export async function cachedSubjectRoles(
  client: Pick<Db, "role">,
  tenantId: number,
  userId: number,
  version: number,
): Promise<SubjectRoles> {
  if (version <= 0) return loadSubjectRoles(client, tenantId, userId);
  const key = keyOf(client, tenantId, userId);
  let entry = entries.get(key);
  if (entry && entry.version >= version) {
    entries.delete(key);
    entries.set(key, entry);
  } else {
    // Loaded after the version was read, so it is at least that fresh (a write committing in
    // between bumps the version again, and the next request reloads).
    entry = { version, subject: loadSubjectRoles(client, tenantId, userId) };
    entries.set(key, entry);
    const failed = entry;
    entry.subject.catch(() => {
      if (entries.get(key) === failed) entries.delete(key);
    });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  const subject = await entry.subject;
  // Copies: callers may sort or extend their principal's lists.
  return { isAdmin: subject.isAdmin, roles: [...subject.roles], grants: [...subject.grants] };
}
