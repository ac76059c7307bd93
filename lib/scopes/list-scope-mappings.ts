/**
 * The Role Permissions page: the roles that have a permission mapping, i.e. that are on at
 * least one scope ("custom") or are an alias of another role ("alias"); a role that is both is
 * "mixed". Searched by role name in the database and paged by offset (lib/paging.ts).
 *
 *   listScopeMappings(db, tenantId, { q: "creat", page: 1, size: 25 })
 *   // { version, page: { rows: [{ roleId, role, kind, aliasOf, scopeCount, protected }], page, size, hasNext } }
 *
 * `q` matches anywhere in the name, ignoring case; "Internal/cre" searches the Internal domain.
 * `getScopeMapping(db, tenantId, "creator")` gives one role's scopes and alias targets.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { escapeLike } from "../db/like.ts";
import { empty, join, sql, type Sql } from "../db/sql.ts";
import { AppError } from "../errors.ts";
import { fetchPage, ZPageParams, type Page } from "../paging.ts";
import { findRoleByName } from "../roles/find-role.ts";
import { nameKey, qualifiedName, sameDomain } from "../core/domains.ts";
import { readMappingVersion } from "../roles/mapping-version.ts";

export const ZScopeMappingParams = ZPageParams.extend({ q: z.string().trim().max(256).optional().catch(undefined) });
export type TScopeMappingParams = z.infer<typeof ZScopeMappingParams>;

export type ScopeMappingKind = "alias" | "custom" | "mixed";
export type ScopeMappingRow = {
  roleId: number;
  role: string;
  kind: ScopeMappingKind;
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

/** The search as SQL: a literal substring of the name (LIKE's `_` and `%` match themselves), optionally in one domain. */
async function nameFilter(client: Db, tenantId: number, q: string | undefined): Promise<Sql> {
  const text = (q ?? "").replaceAll("*", "").trim();
  if (!text) return empty;
  const slash = text.indexOf("/");
  const contains = (name: string) => sql` AND r."nameKey" LIKE ${`%${escapeLike(nameKey(name))}%`} ESCAPE '\\'`;
  if (slash <= 0) return contains(text.replace(/^\//, ""));
  const stores = await client.userStore.findMany({ where: { tenantId }, select: { id: true, domain: true } });
  const storeIds = stores.filter((s) => sameDomain(s.domain, text.slice(0, slash))).map((s) => s.id);
  if (storeIds.length === 0) return sql` AND 1 = 0`;
  return sql` AND r."storeId" IN (${join(storeIds)})${contains(text.slice(slash + 1))}`;
}

/** One page of mapped roles' ids in name order; raw SQL because Prisma's `contains` cannot escape LIKE. */
async function mappedRoleIds(client: Db, tenantId: number, filter: Sql, skip: number, take: number): Promise<number[]> {
  const rows = await client.$queryRaw<{ id: number | bigint }[]>(sql`
    SELECT r."id" FROM "Role" r
    WHERE r."tenantId" = ${tenantId}
      AND (EXISTS (SELECT 1 FROM "ScopeRole" sr WHERE sr."roleId" = r."id") OR EXISTS (SELECT 1 FROM "RoleAlias" a WHERE a."aliasRoleId" = r."id"))
      ${filter}
    ORDER BY r."nameKey" ASC, r."id" ASC
    LIMIT ${take} OFFSET ${skip}`);
  return rows.map((r) => Number(r.id));
}

export async function listScopeMappings(
  client: Db,
  tenantId: number,
  params: TScopeMappingParams,
): Promise<{ version: number; page: Page<ScopeMappingRow> }> {
  const filter = await nameFilter(client, tenantId, params.q);
  const [version, page] = await Promise.all([
    readMappingVersion(client, tenantId),
    fetchPage(params, async (skip, take) => {
      const ids = await mappedRoleIds(client, tenantId, filter, skip, take);
      const byId = new Map((await client.role.findMany({ where: { tenantId, id: { in: ids } }, select })).map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    }),
  ]);
  const rows = page.rows.map((r): ScopeMappingRow => {
    const aliasOf = r.aliasOf.map((a) => qualifiedName(a.role.store.domain, a.role.name)).sort((x, y) => x.localeCompare(y));
    const scopeCount = r._count.scopes;
    const kind: ScopeMappingKind = aliasOf.length === 0 ? "custom" : scopeCount === 0 ? "alias" : "mixed";
    return { roleId: r.id, role: qualifiedName(r.store.domain, r.name), kind, aliasOf, scopeCount, protected: r.kind === "admin" };
  });
  return { version, page: { ...page, rows } };
}

export type ScopeMappingDetail = {
  role: { id: number; name: string; kind: string };
  aliasOf: string[];
  scopes: { name: string; description: string; tag: string }[];
};

/** One role's mapping, for the scope list of a row and the edit dialog; NOT_FOUND for an unknown role. */
export async function getScopeMapping(client: Db, tenantId: number, role: string): Promise<ScopeMappingDetail> {
  const ref = await findRoleByName(client, tenantId, role);
  if (!ref) throw new AppError("NOT_FOUND", `There is no role named "${role}".`);
  const [scopes, targets] = await Promise.all([
    client.apiScope.findMany({
      where: { tenantId, roles: { some: { roleId: ref.id } } },
      orderBy: { id: "asc" },
      select: { name: true, description: true, tag: true },
    }),
    client.roleAlias.findMany({
      where: { aliasRoleId: ref.id, role: { tenantId } },
      select: { role: { select: { name: true, store: { select: { domain: true } } } } },
    }),
  ]);
  return {
    role: { id: ref.id, name: ref.qualified, kind: ref.kind },
    aliasOf: targets.map((t) => qualifiedName(t.role.store.domain, t.role.name)).sort((x, y) => x.localeCompare(y)),
    scopes,
  };
}
