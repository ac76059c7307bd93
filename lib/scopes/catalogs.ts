/**
 * The scope catalogs Gatehouse ships, one per WSO2 API Manager version, selected by
 * `[apim] scope_catalog` in gatehouse.toml:
 *   "3.x"  seed 001's 47 scopes (catalog.ts), the default;
 *   "4.2"  the 84 scopes of APIM 4.2's tenant-conf.json (catalogs/apim-4.2.ts, generated);
 *   "4.7"  the 107 scopes of APIM 4.7's tenant-conf.json (catalogs/apim-4.7.ts, generated).
 */
import type { TGatehouseConfig } from "../config/schema.ts";
import { ADMIN, SCOPE_CATALOG, type ScopeDefinition } from "./catalog.ts";
import { SCOPE_CATALOG_4_2 } from "./catalogs/apim-4.2.ts";
import { SCOPE_CATALOG_4_7 } from "./catalogs/apim-4.7.ts";

export type ScopeCatalogVersion = TGatehouseConfig["apim"]["scope_catalog"];

const CATALOGS: Record<ScopeCatalogVersion, readonly ScopeDefinition[]> = {
  "3.x": SCOPE_CATALOG,
  "4.2": SCOPE_CATALOG_4_2,
  "4.7": SCOPE_CATALOG_4_7,
};

export function scopeCatalog(version: ScopeCatalogVersion): readonly ScopeDefinition[] {
  return CATALOGS[version];
}

/** The Internal roles a catalog's default mapping names ("Internal/observer" -> "observer"), which its tenants must have. */
export function catalogInternalRoles(version: ScopeCatalogVersion): string[] {
  const names = new Set(CATALOGS[version].flatMap((s) => s.roles.filter((r) => r !== ADMIN)));
  return [...names].map((r) => r.replace(/^Internal\//, ""));
}

/** What a scope outside the tenant's catalog is, from the newest catalog that knows it; for scopes an import adds. */
export function describeScope(name: string): { description: string; tag: string } {
  for (const version of ["4.7", "4.2", "3.x"] as const) {
    const known = CATALOGS[version].find((s) => s.name === name);
    if (known) return { description: known.description, tag: known.tag };
  }
  const tag = name.startsWith("apim_analytics:") ? "analytics" : name.startsWith("service_catalog:") ? "service_catalog" : "other";
  return { description: "Added by a tenant-conf.json import", tag };
}
