import { bool, int, readRows, text, textOrNull, type RawRow, type Reader } from "../db/raw-read.ts";
import { empty, join, sql, type Sql } from "../db/sql.ts";
import { decodeCursor, keysetPage, type KeysetPage } from "../keyset.ts";
import { qualifiedName } from "../core/domains.ts";
import { namePatternSql, parseNamePattern, type NamePattern } from "../stores/name-pattern.ts";
import { searchMatches, searchPage } from "../stores/name-search.ts";
import type { RowCount } from "../core/row-count.ts";
import type { Db, Tx } from "../db/client.ts";
import { estimateCount } from "../db/estimate-count.ts";

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

/** `search`: the console's and the CLI's search text (name-search.ts), instead of a WSO2 `pattern`. */
export type ListRolesParams = {
  pattern?: string;
  search?: string;
  storeId?: number;
  dir: "asc" | "desc";
  size: number;
  after?: string;
  before?: string;
};

/** "Internal/cre*" searches the Internal domain; a bare pattern searches every domain. */
function splitDomain(text: string | undefined): { domain?: string; name?: string } {
  const slash = text?.indexOf("/") ?? -1;
  return slash > 0 ? { domain: text!.slice(0, slash).trim(), name: text!.slice(slash + 1) } : { name: text };
}

type RoleFilter = { domain?: string; name: NamePattern; storeId?: number };

function roleFilter(tenantId: number, params: RoleFilter): Sql {
  return sql`r."tenantId" = ${tenantId} AND r."kind" <> 'system'
      AND NOT (s."kind" = 'internal' AND r."nameKey" LIKE 'system\\_%' ESCAPE '\\')
    ${params.storeId ? sql` AND r."storeId" = ${params.storeId}` : empty}
    ${params.domain ? sql` AND upper(s."domain") = ${params.domain.toUpperCase()}` : empty}
    ${namePatternSql(sql`r."nameKey"`, params.name)}`;
}

function patternFilter(params: Pick<ListRolesParams, "pattern" | "search" | "storeId">): RoleFilter {
  if (params.search !== undefined) {
    const { domain, name } = splitDomain(params.search);
    return { domain, name: searchMatches(name), storeId: params.storeId };
  }
  const { domain, name } = splitDomain(params.pattern);
  return { domain, name: parseNamePattern(name), storeId: params.storeId };
}

/** How many roles listRoles would return over all its pages: one COUNT, for the MI's unpaged lists. */
export async function countRoles(
  client: Reader,
  tenantId: number,
  params: Pick<ListRolesParams, "pattern" | "search" | "storeId">,
): Promise<number> {
  const [n] = await readRows(
    client,
    sql`SELECT COUNT(*) AS "n" FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId"
      WHERE ${roleFilter(tenantId, patternFilter(params))}`,
    (r) => int(r.n),
  );
  return n ?? 0;
}

/**
 * The Roles pager's total: exact up to 1,000, then estimated (lib/db/estimate-count.ts). SQLite's
 * figure is the tenant's roles while nothing filters them (see estimateDatabaseUsers for why not a store's).
 */
export async function estimateRoles(
  client: Db | Tx,
  tenantId: number,
  params: Pick<ListRolesParams, "search" | "storeId">,
): Promise<RowCount> {
  const filter = patternFilter(params);
  const plain = filter.name.kind === "all" && !filter.domain && !filter.storeId;
  const from = sql`"Role" r JOIN "UserStore" s ON s."id" = r."storeId" WHERE ${roleFilter(tenantId, filter)}`;
  return estimateCount(
    client,
    from,
    { table: "Role", tenantId },
    plain ? { index: "Role_tenantId_nameKey_id_idx", equalColumns: 1 } : undefined,
  );
}

/** One page of roles: by WSO2 pattern, or by the console's search (text without `*` anywhere in the name, exact names first). */
export async function listRoles(client: Reader, tenantId: number, params: ListRolesParams): Promise<KeysetPage<RoleListRow>> {
  if (params.search === undefined) return rolePage(client, tenantId, patternFilter(params), params);
  const { domain, name } = splitDomain(params.search);
  return searchPage(name, params, (pattern, page) =>
    rolePage(client, tenantId, { domain, name: pattern, storeId: params.storeId }, { dir: params.dir, ...page }),
  );
}

/**
 * A page of roles by name, with each role's grants and maintained member count, in one statement:
 * the page is a materialized CTE (so the grant join sees only its rows), then one row per
 * (role, grant). Internal/system and Internal/system_* stay hidden, as in WSO2.
 */
async function rolePage(
  client: Reader,
  tenantId: number,
  filter: RoleFilter,
  params: Pick<ListRolesParams, "dir" | "size" | "after" | "before">,
): Promise<KeysetPage<RoleListRow>> {
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
      WHERE ${roleFilter(tenantId, filter)}
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
