import type { RowCount } from "../core/row-count.ts";
import { estimateCount, type SqliteStat } from "../db/estimate-count.ts";
import { int, readRows } from "../db/raw-read.ts";
import { sql } from "../db/sql.ts";
import { parseNamePattern } from "../stores/name-pattern.ts";
import { claimKey, memberFilter, userFilter, userTrigrams } from "./database-reads.ts";
import { claimTrigramSql, hasTrigram, nameTrigramDrive, WALK_WINDOW } from "./trigram-search.ts";
import type { Reader, RoleRef, UserQuery } from "./user-store.ts";

/*
 * The pagers' totals for the user lists (lib/db/estimate-count.ts): the same filter as the
 * page's query, counted up to the cap through the same indexes, then the planner's figure.
 */

/**
 * SQLite's figure: the tenant's users, while nothing filters them. sqlite_stat1 averages over
 * keys, and a tenant's stores differ too much in size (a million in PRIMARY, ten in a
 * secondary store) for the average per store to stand for one: a store, a name or a claim
 * pattern has none, and shows "more than 1,000" past the cap.
 */
function userStat(query: UserQuery): SqliteStat | undefined {
  if (parseNamePattern(query.pattern).kind !== "all" || query.claim || query.storeId) return undefined;
  return { index: "User_tenantId_usernameKey_id_idx", equalColumns: 1 };
}

/**
 * How many users listDatabaseUsers returns over all its pages, capped or estimated. A search
 * with a trigram counts over the tenant's own rows while it has at most `walkWindow` users (as
 * the list's first step reads them), else in the narrow copy (PostgreSQL: its GIN index;
 * SQLite: FTS5 drives), as the list's second step reads it. A claim filter is never estimated:
 * neither planner knows how many values match a pattern.
 */
export async function estimateDatabaseUsers(
  client: Reader,
  tenantId: number,
  query: UserQuery,
  walkWindow = WALK_WINDOW,
): Promise<RowCount> {
  const pattern = parseNamePattern(query.pattern);
  const where = userFilter(tenantId, query);
  const scope = { table: "User", tenantId } as const;
  if (hasTrigram(pattern, query.claim, claimKey(query.claimValue)) && (await withinWalk(client, tenantId, walkWindow))) {
    return estimateCount(client, sql`"User" u WHERE ${where}`, scope, undefined, { planner: !query.claim });
  }
  const drive = nameTrigramDrive(client, pattern);
  const from = drive
    ? sql`${drive.from} WHERE ${where}${drive.match}${claimTrigramSql(client, query.claim, claimKey(query.claimValue))}`
    : sql`"User" u WHERE ${where}${userTrigrams(client, query)}`;
  return estimateCount(client, from, scope, userStat(query), { planner: !query.claim });
}

/**
 * Whether the tenant holds at most `walkWindow` users, so a search counts by reading them, as the
 * list's first step finds its page (listDatabaseUsers). The trigram indexes span every tenant:
 * counting through them reads every tenant's matches, a cost (and a time) set by the others'
 * data: `ops` in a tenant of 1,000 among 1,000 such tenants took ~20 ms of a 36 ms page.
 */
async function withinWalk(client: Reader, tenantId: number, walkWindow: number): Promise<boolean> {
  const [beyond] = await readRows(
    client,
    sql`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "User" WHERE "tenantId" = ${tenantId} LIMIT 1 OFFSET ${walkWindow}) AS "beyond"`,
    (r) => int(r.n),
  );
  return beyond === 0;
}

/**
 * A role's members: unfiltered, the role's kept count (exact, no statement); filtered, capped,
 * then PostgreSQL's planner (SQLite keeps no figure for members by name: "more than 1,000").
 */
export async function estimateDatabaseRoleMembers(client: Reader, tenantId: number, role: RoleRef, query: UserQuery): Promise<RowCount> {
  if (parseNamePattern(query.pattern).kind === "all" && !query.storeId) return { count: role.memberCount, kind: "exact" };
  return estimateCount(client, sql`"User" u WHERE ${memberFilter(client, tenantId, role, query)}`, { table: "User", tenantId });
}
