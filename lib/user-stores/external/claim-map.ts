import type { Tx } from "../../db/client.ts";
import { ZJdbcSettings, ZLdapSettings } from "./settings.ts";

/**
 * The claim → attribute map of an LDAP or WSO2 JDBC store comes from Settings › Claims
 * (`ClaimAttribute`, docs/claims.md). The store's own `claimAttributes` setting is the default:
 * it is written into `ClaimAttribute` when the store is added and, at start-up, for a store that
 * has no mapping at all, and it is what the store uses while it has none.
 */
export type ClaimAttributeRow = { attribute: string; claim: { uri: string } };

const CLAIM_ATTRIBUTES = { ldap: ZLdapSettings.shape.claimAttributes, jdbc: ZJdbcSettings.shape.claimAttributes } as const;

/**
 * The stored settings text with `claimAttributes` replaced by the store's `ClaimAttribute` rows,
 * so the directory opened from it (and cached by that text) follows Settings › Claims. Rows whose
 * attribute the store's type cannot take (an LDAP attribute name with a space) are left out.
 */
export function withClaimMap(type: string, settings: string | null, rows: readonly ClaimAttributeRow[]): string | null {
  const schema = CLAIM_ATTRIBUTES[type as keyof typeof CLAIM_ATTRIBUTES];
  if (!schema || rows.length === 0 || settings === null) return settings;
  let raw: unknown;
  try {
    raw = JSON.parse(settings);
  } catch {
    return settings; // the directory reports unreadable settings
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return settings;
  const map: Record<string, string> = {};
  for (const { claim, attribute } of [...rows].sort((a, b) => (a.claim.uri < b.claim.uri ? -1 : a.claim.uri > b.claim.uri ? 1 : 0))) {
    if (schema.safeParse({ [claim.uri]: attribute }).success) map[claim.uri] = attribute;
  }
  return JSON.stringify({ ...(raw as Record<string, unknown>), claimAttributes: map });
}

/** The `claimAttributes` a store's stored settings hold (with the schema's default when absent). */
export function settingsClaimMap(type: string, settings: string | null): Record<string, string> {
  const schema = CLAIM_ATTRIBUTES[type as keyof typeof CLAIM_ATTRIBUTES];
  if (!schema) return {};
  try {
    const raw = JSON.parse(settings ?? "{}") as { claimAttributes?: unknown };
    const parsed = schema.safeParse(raw.claimAttributes);
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * Writes a store's claim → attribute default into `ClaimAttribute`: each URI's claim is found in
 * the tenant, or added as a custom claim (not shown in the profile editor), then mapped unless
 * it already is. Returns how many mappings were written.
 */
export async function seedClaimAttributes(tx: Tx, tenantId: number, storeId: number, map: Record<string, string>): Promise<number> {
  const uris = Object.keys(map);
  if (uris.length === 0) return 0;
  const known = new Map(
    (await tx.claim.findMany({ where: { tenantId, uri: { in: uris } }, select: { id: true, uri: true } })).map((c) => [c.uri, c.id]),
  );
  const last = await tx.claim.aggregate({ where: { tenantId }, _max: { displayOrder: true } });
  let order = last._max.displayOrder ?? 0;
  for (const uri of uris.filter((u) => !known.has(u))) {
    const created = await tx.claim.create({
      data: {
        tenantId,
        uri,
        displayName: uri.slice(uri.lastIndexOf("/") + 1) || uri,
        description: "Mapped by a user store's claimAttributes setting.",
        displayOrder: ++order,
      },
      select: { id: true },
    });
    known.set(uri, created.id);
  }
  const mapped = new Set(
    (await tx.claimAttribute.findMany({ where: { storeId, claim: { tenantId } }, select: { claimId: true } })).map((a) => a.claimId),
  );
  const rows = uris.map((uri) => ({ claimId: known.get(uri)!, storeId, attribute: map[uri]! })).filter((r) => !mapped.has(r.claimId));
  if (rows.length > 0) await tx.claimAttribute.createMany({ data: rows });
  return rows.length;
}

/** Start-up: every LDAP and JDBC store without any mapping gets its setting's. Returns the stores' domains. */
export async function seedMissingClaimAttributes(tx: Tx): Promise<string[]> {
  const stores = await tx.userStore.findMany({
    where: { type: { in: ["ldap", "jdbc"] }, claims: { none: {} } },
    select: { id: true, tenantId: true, domain: true, type: true, settings: true },
  });
  const seeded: string[] = [];
  for (const store of stores) {
    if ((await seedClaimAttributes(tx, store.tenantId, store.id, settingsClaimMap(store.type, store.settings))) > 0)
      seeded.push(store.domain);
  }
  return seeded;
}

/**
 * The claims a write hands a store's directory, less those it clears (`""`) that the store maps
 * to no attribute: the directory holds no value for them, so there is nothing to clear. Profile
 * and SCIM writes name every editable claim of the tenant, mapped here or not; a value for an
 * unmapped claim still reaches the writer, which refuses it (400), since the directory could not
 * keep it and the next sync would drop it from the mirror.
 */
export function withoutUnmappedClears(claims: Record<string, string>, map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).filter(([claim, value]) => value !== "" || map[claim] !== undefined));
}
