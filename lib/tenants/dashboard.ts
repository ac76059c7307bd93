import { can } from "../authz/decide.ts";
import type { Principal } from "../authz/principal.ts";
import { int, readRows, type Reader } from "../db/raw-read.ts";
import { join, raw, sql, type Sql } from "../db/sql.ts";
import { openSessionsWhere } from "../sessions/list-sessions.ts";

// Past this, the home page says "100,000+" instead of counting a huge table on every visit.
export const COUNT_CAP = 100_000;

export type DashboardCounts = { users?: number; roles?: number; scopes?: number; sessions?: number };

/**
 * The counts on the home page, each only for someone allowed to see that list, in one statement
 * through the raw driver (lib/db/raw-read.ts): every sign-in lands here, and four ORM counts
 * cost several times their SQL. A capped count reads at most `cap` + 1 rows.
 */
export async function dashboardCounts(
  client: Reader,
  principal: Principal,
  idleTimeoutMs: number,
  { now = new Date(), cap = COUNT_CAP } = {},
): Promise<DashboardCounts> {
  const tenantId = principal.tenantId;
  const upTo = (rows: Sql) => sql`(SELECT COUNT(*) FROM (${rows} LIMIT ${cap + 1}) AS "capped")`;
  const counts: [keyof DashboardCounts, Sql][] = [];
  if (can(principal, "users.list")) counts.push(["users", upTo(sql`SELECT 1 FROM "User" WHERE "tenantId" = ${tenantId}`)]);
  if (can(principal, "roles.list"))
    counts.push(["roles", sql`(SELECT COUNT(*) FROM "Role" WHERE "tenantId" = ${tenantId} AND "kind" <> 'system')`]);
  if (can(principal, "scopes.manage")) counts.push(["scopes", sql`(SELECT COUNT(*) FROM "ApiScope" WHERE "tenantId" = ${tenantId})`]);
  if (can(principal, "sessions.list")) {
    counts.push(["sessions", upTo(sql`SELECT 1 FROM "Session" s WHERE ${openSessionsWhere("s", tenantId, idleTimeoutMs, now)}`)]);
  }
  if (counts.length === 0) return {};
  const columns = join(
    counts.map(([name, count]) => sql`${count} AS ${raw(`"${name}"`)}`),
    ", ",
  );
  const [row] = await readRows(client, sql`SELECT ${columns}`, (r) => r);
  return Object.fromEntries(counts.map(([name]) => [name, int(row?.[name])]));
}
