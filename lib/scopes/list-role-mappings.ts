/**
 * The Role Permissions page: the roles that have a permission mapping, i.e. that are on at
 * least one scope ("custom") or are an alias of another role ("alias"); a role that is both is
 * "mixed". Searched by role name in the database and paged by offset (lib/paging.ts).
 *
 *   listRoleMappings(db, tenantId, { q: "creat", page: 1, size: 25 })
 *   // { version, page: { rows: [{ roleId, role, kind, aliasOf, scopeCount, protected }], page, size, hasNext } }
 *
 * `q` matches anywhere in the name, ignoring case; "Internal/cre" searches the Internal domain.
 * `getRoleMapping(db, tenantId, "creator")` gives one role's scopes and alias targets.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { fetchPage, ZPageParams, type Page } from "../paging.ts";
import { findRoleByName } from "../roles/find-role.ts";
import { nameKey, qualifiedName, sameDomain } from "../stores/domains.ts";
import { readMappingVersion } from "./mapping-version.ts";

export const ZRoleMappingParams = ZPageParams.extend({ q: z.string().trim().max(256).optional().catch(undefined) });
export type TRoleMappingParams = z.infer<typeof ZRoleMappingParams>;

export type RoleMappingKind = "alias" | "custom" | "mixed";
export type RoleMappingRow = {
  roleId: number;
  role: string;
  kind: RoleMappingKind;
  /** The roles this role is an alias of (shown as chips). */
  aliasOf: string[];
  /** How many scopes the role is on directly. */
  scopeCount: number;
  /** The admin role: its scopes cannot be edited away or deleted. */
  protected: boolean;
};

const select = {
  id: true,
  name: true,
  kind: true,
  store: { select: { domain: true } },
  _count: { select: { scopes: true } },
  aliasOf: { select: { role: { select: { name: true, store: { select: { domain: true } } } } } },
} as const;

async function nameFilter(client: Db, tenantId: number, q: string | undefined) {
  const text = (q ?? "").replaceAll("*", "").trim();
  if (!text) return {};
  const slash = text.indexOf("/");
  if (slash <= 0) return { nameKey: { contains: nameKey(text.replace(/^\//, "")) } };
  const stores = await client.userStore.findMany({ where: { tenantId }, select: { id: true, domain: true } });
  const storeIds = stores.filter((s) => sameDomain(s.domain, text.slice(0, slash))).map((s) => s.id);
  return { storeId: { in: storeIds }, nameKey: { contains: nameKey(text.slice(slash + 1)) } };
}

export async function listRoleMappings(client: Db, tenantId: number, params: TRoleMappingParams): Promise<{ version: number; page: Page<RoleMappingRow> }> {
  const where = { tenantId, OR: [{ scopes: { some: {} } }, { aliasOf: { some: {} } }], ...(await nameFilter(client, tenantId, params.q)) };
  const [version, page] = await Promise.all([
    readMappingVersion(client, tenantId),
    fetchPage(params, (skip, take) => client.role.findMany({ where, orderBy: [{ nameKey: "asc" }, { id: "asc" }], skip, take, select })),
  ]);
  const rows = page.rows.map((r): RoleMappingRow => {
    const aliasOf = r.aliasOf.map((a) => qualifiedName(a.role.store.domain, a.role.name)).sort((x, y) => x.localeCompare(y));
    const scopeCount = r._count.scopes;
    const kind: RoleMappingKind = aliasOf.length === 0 ? "custom" : scopeCount === 0 ? "alias" : "mixed";
    return { roleId: r.id, role: qualifiedName(r.store.domain, r.name), kind, aliasOf, scopeCount, protected: r.kind === "admin" };
  });
  return { version, page: { ...page, rows } };
}

export type RoleMappingDetail = {
  role: { id: number; name: string; kind: string };
  aliasOf: string[];
  scopes: { name: string; description: string; tag: string }[];
};

/** One role's mapping, for the scope list of a row and the edit dialog; NOT_FOUND for an unknown role. */
export async function getRoleMapping(client: Db, tenantId: number, role: string): Promise<RoleMappingDetail> {
  const ref = await findRoleByName(client, tenantId, role);
  if (!ref) throw new AppError("NOT_FOUND", `There is no role named "${role}".`);
  const [scopes, targets] = await Promise.all([
    client.apiScope.findMany({ where: { tenantId, roles: { some: { roleId: ref.id } } }, orderBy: { id: "asc" }, select: { name: true, description: true, tag: true } }),
    client.roleAlias.findMany({ where: { aliasRoleId: ref.id, role: { tenantId } }, select: { role: { select: { name: true, store: { select: { domain: true } } } } } }),
  ]);
  return {
    role: { id: ref.id, name: ref.qualified, kind: ref.kind },
    aliasOf: targets.map((t) => qualifiedName(t.role.store.domain, t.role.name)).sort((x, y) => x.localeCompare(y)),
    scopes,
  };
}
