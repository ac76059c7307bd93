/**
 * The whole tenant-conf.json, not just its scope mapping. An import keeps every top-level key
 * of the file (EnableMonetization, Notifications, DefaultRoles, SelfSignUp, Meta, …; a later
 * import replaces the keys it has and keeps the others), and an export returns them as they came
 * in, with `RESTAPIScopes` and `RoleMappings` from the database. Keys WSO2's
 * tenant-config-schema.json requires that no import brought come from APIM 4.2.0's default file
 * (tenant-conf-defaults.json), so every export uploads into APIM 4.x.
 */
import type { Db, Tx } from "../db/client.ts";
import DEFAULTS from "./tenant-conf-defaults.json" with { type: "json" };
import SCHEMA from "./wso2-tenant-config-schema.json" with { type: "json" };

export type TenantConfDocument = Record<string, unknown>;
/** The keys whose values always come from the database, never from the stored document. */
export const MAPPING_KEYS = ["RESTAPIScopes", "RoleMappings"] as const;

export async function readTenantConfDocument(
  client: Pick<Db | Tx, "tenantConfDocument">,
  tenantId: number,
): Promise<TenantConfDocument | null> {
  const row = await client.tenantConfDocument.findUnique({ where: { tenantId } });
  return row ? (JSON.parse(row.document) as TenantConfDocument) : null;
}

/** `previous` with `incoming`'s top-level keys on top, and which of the non-mapping keys that adds or changes. */
export function mergeDocuments(
  previous: TenantConfDocument | null,
  incoming: TenantConfDocument,
): { merged: TenantConfDocument; changedKeys: string[] } {
  const merged: TenantConfDocument = { ...(previous ?? {}), ...incoming };
  const changedKeys = Object.keys(incoming).filter(
    (key) => !(MAPPING_KEYS as readonly string[]).includes(key) && JSON.stringify(previous?.[key]) !== JSON.stringify(incoming[key]),
  );
  return { merged, changedKeys };
}

type Mapping = { RESTAPIScopes: { Scope: { Name: string; Roles: string }[] }; RoleMappings: Record<string, string> };

/** The export: the stored document's keys in their order, the mapping in place, missing required keys from the defaults. */
export function composeTenantConf(stored: TenantConfDocument | null, mapping: Mapping): TenantConfDocument & Mapping {
  const base: TenantConfDocument = stored ?? { ...DEFAULTS, RESTAPIScopes: null, RoleMappings: null };
  const out: TenantConfDocument = {};
  for (const [key, value] of Object.entries(base)) {
    if (key === "RESTAPIScopes") out[key] = { ...(isObject(value) ? value : {}), Scope: mapping.RESTAPIScopes.Scope };
    else if (key === "RoleMappings") out[key] = mapping.RoleMappings;
    else out[key] = value;
  }
  out.RESTAPIScopes ??= mapping.RESTAPIScopes;
  out.RoleMappings ??= mapping.RoleMappings;
  const defaults = DEFAULTS as TenantConfDocument;
  for (const key of SCHEMA.required) if (!(key in out) && key in defaults) out[key] = defaults[key];
  return out as TenantConfDocument & Mapping;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
