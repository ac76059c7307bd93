import { bool, int, readRows, text, textOrNull, type RawRow, type Reader } from "../db/raw-read.ts";
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
  external: boolean;
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

type RoleFilter = Pick<ListRolesParams, "pattern" | "storeId">;

function roleFilter(tenantId: number, params: RoleFilter): Sql {
  return sql`r."tenantId" = ${tenantId} AND r."kind" <> 'system'
      AND NOT (s."kind" = 'internal' AND r."nameKey" LIKE 'system\\_%' ESCAPE '\\')
    ${params.storeId ? sql` AND r."storeId" = ${params.storeId}` : empty}
    ${domainFilter(params.pattern)}
    ${namePatternSql(sql`r."nameKey"`, parseNamePattern(namePart(params.pattern)))}`;
}

/** How many roles listRoles would return over all its pages: one COUNT, for the MI's unpaged lists. */
export async function countRoles(client: Reader, tenantId: number, params: RoleFilter): Promise<number> {
  const [n] = await readRows(
    client,
    sql`SELECT COUNT(*) AS "n" FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId" WHERE ${roleFilter(tenantId, params)}`,
    (r) => int(r.n),
  );
  return n ?? 0;
}

/**
 * A page of roles by name, with each role's grants and maintained member count, in one statement:
 * the page is a materialized CTE (so the grant join sees only its rows), then one row per
 * (role, grant). Internal/system and Internal/system_* stay hidden, as in WSO2.
 */
export async function listRoles(client: Reader, tenantId: number, params: ListRolesParams): Promise<KeysetPage<RoleListRow>> {
  const after = decodeCursor(params.after, ["string", "int"]);
  const before = after ? undefined : decodeCursor(params.before, ["string", "int"]);
  const forward = !before;
  const ascending = (params.dir === "asc") === forward;
  const cursor = after ?? before;
  const keys = [sql`r."nameKey"`, sql`r."id"`];
  const order = ascending ? sql`ASC` : sql`DESC`;
  const rows = await readRows(
    client,
    sql`
    WITH page AS MATERIALIZED (
      SELECT r."id", r."version", r."name", r."nameKey", r."kind", r."memberCount", s."domain", s."readOnly", s."type"
      FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId"
      WHERE ${roleFilter(tenantId, params)}
      ${cursor?.length === 2 ? sql` AND (${join(keys)}) ${ascending ? sql`>` : sql`<`} (${join(cursor)})` : empty}
      ORDER BY r."nameKey" ${order}, r."id" ${order}
      LIMIT ${params.size + 1}
    )
    SELECT page.*, g."permission"
    FROM page LEFT JOIN "RoleGrant" g ON g."roleId" = page."id"
    ORDER BY page."nameKey" ${order}, page."id" ${order}, g."permission"`,
    (r) => ({ role: roleRow(r), nameKey: text(r.nameKey), permission: textOrNull(r.permission) }),
  );
  const roles: (RoleListRow & { nameKey: string })[] = [];
  for (const { role, nameKey, permission } of rows) {
    let last = roles.at(-1);
    if (last?.id !== role.id) roles.push((last = { ...role, nameKey }));
    if (permission !== null) last.grants.push(permission);
  }
  const page = keysetPage(roles, params.size, (r) => [r.nameKey, r.id], { forward, hadCursor: cursor !== undefined });
  return { ...page, rows: page.rows.map(({ nameKey, ...row }) => (void nameKey, row)) };
}

function roleRow(r: RawRow): RoleListRow {
  const domain = text(r.domain);
  const name = text(r.name);
  return {
    id: int(r.id),
    version: int(r.version),
    name,
    domain,
    qualified: qualifiedName(domain, name),
    kind: text(r.kind),
    readOnly: bool(r.readOnly),
    external: text(r.type) !== "database",
    grants: [],
    memberCount: int(r.memberCount),
  };
}
