import type { Db } from "../db/client.ts";
import { empty, join, sql, type Sql } from "../db/sql.ts";
import { decodeCursor, keysetPage, type KeysetPage } from "../keyset.ts";
import { qualifiedName } from "../core/domains.ts";
import { namePatternSql, parseNamePattern } from "../stores/name-pattern.ts";

export type RoleListRow = {
  id: number;
  version: number;
  name: string;
  domain: string;
  qualified: string;
  kind: string;
  readOnly: boolean;
  grants: string[];
  memberCount: number;
};

export type ListRolesParams = { pattern?: string; storeId?: number; dir: "asc" | "desc"; size: number; after?: string; before?: string };

/** "Internal/cre*" searches the Internal domain; a bare pattern searches every domain. */
function domainPart(pattern: string | undefined): string | undefined {
  const slash = pattern?.indexOf("/") ?? -1;
  return slash > 0 ? pattern!.slice(0, slash).trim() : undefined;
}
const namePart = (pattern: string | undefined) => (domainPart(pattern) ? pattern!.slice(pattern!.indexOf("/") + 1) : pattern);
const domainFilter = (pattern: string | undefined) => {
  const domain = domainPart(pattern);
  return domain ? sql` AND upper(s."domain") = ${domain.toUpperCase()}` : empty;
};

type Raw = {
  id: number | bigint;
  version: number | bigint;
  name: string;
  nameKey: string;
  kind: string;
  domain: string;
  readOnly: number | boolean;
  memberCount: number | bigint;
};

type RoleFilter = Pick<ListRolesParams, "pattern" | "storeId">;

function roleFilter(tenantId: number, params: RoleFilter): Sql {
  return sql`r."tenantId" = ${tenantId} AND r."kind" <> 'system'
      AND NOT (s."kind" = 'internal' AND r."nameKey" LIKE 'system\\_%' ESCAPE '\\')
    ${params.storeId ? sql` AND r."storeId" = ${params.storeId}` : empty}
    ${domainFilter(params.pattern)}
    ${namePatternSql(sql`r."nameKey"`, parseNamePattern(namePart(params.pattern)))}`;
}

/** How many roles listRoles would return over all its pages: one COUNT, for the MI's unpaged lists. */
export async function countRoles(client: Db, tenantId: number, params: RoleFilter): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number | bigint }[]>(
    sql`SELECT COUNT(*) AS "n" FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId" WHERE ${roleFilter(tenantId, params)}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * A page of roles by name. Internal/system and Internal/system_* stay hidden, as in WSO2.
 * Member counts are the roles' maintained counters; the page's grants come from one query.
 */
export async function listRoles(client: Db, tenantId: number, params: ListRolesParams): Promise<KeysetPage<RoleListRow>> {
  const after = decodeCursor(params.after, ["string", "int"]);
  const before = after ? undefined : decodeCursor(params.before, ["string", "int"]);
  const forward = !before;
  const ascending = (params.dir === "asc") === forward;
  const cursor = after ?? before;
  const keys = [sql`r."nameKey"`, sql`r."id"`];
  const rows = await client.$queryRaw<Raw[]>(sql`
    SELECT r."id", r."version", r."name", r."nameKey", r."kind", r."memberCount", s."domain", s."readOnly"
    FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId"
    WHERE ${roleFilter(tenantId, params)}
    ${cursor?.length === 2 ? sql` AND (${join(keys)}) ${ascending ? sql`>` : sql`<`} (${join(cursor)})` : empty}
    ORDER BY r."nameKey" ${ascending ? sql`ASC` : sql`DESC`}, r."id" ${ascending ? sql`ASC` : sql`DESC`}
    LIMIT ${params.size + 1}`);
  const page = keysetPage(rows, params.size, (r) => [r.nameKey, Number(r.id)], { forward, hadCursor: cursor !== undefined });
  const ids = page.rows.map((r) => Number(r.id));
  const grants = await client.roleGrant.findMany({ where: { roleId: { in: ids } }, select: { roleId: true, permission: true } });
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: Number(r.id),
      version: Number(r.version),
      name: r.name,
      domain: r.domain,
      qualified: qualifiedName(r.domain, r.name),
      kind: r.kind,
      readOnly: Boolean(r.readOnly),
      grants: grants.filter((g) => g.roleId === Number(r.id)).map((g) => g.permission),
      memberCount: Number(r.memberCount),
    })),
  };
}
