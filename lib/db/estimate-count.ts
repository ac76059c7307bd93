import type { RowCount } from "../core/row-count.ts";
import type { Db, Tx } from "./client.ts";
import { providerOf } from "./provider.ts";
import { int, readRows, text } from "./raw-read.ts";
import { raw, sql, type Sql } from "./sql.ts";

/** Up to this many rows are counted exactly: reading this many index entries costs well under a millisecond. */
export const EXACT_COUNT_LIMIT = 1000;

/**
 * Which sqlite_stat1 figure stands for the filter: the index the query uses and how many of its
 * leading columns the filter fixes by equality (its stat's average rows per such key).
 */
export type SqliteStat = { index: string; equalColumns: number };

/** The tenant a count belongs to, and the table (whose leading index column is "tenantId") it counts in. */
export type CountScope = { table: "User" | "Role" | "AuditEvent"; tenantId: number };

/**
 * The size of `SELECT … FROM ${from}` (a table and its WHERE) without COUNT(*) over a million
 * rows on every page view: a count capped at EXACT_COUNT_LIMIT + 1 rows, then the planner's
 * estimate (PostgreSQL: EXPLAIN's row estimate for the same statement, from ANALYZE's
 * statistics; SQLite: sqlite_stat1's average rows per key of `stat`'s index). `planner: false`
 * where no estimate is honest (a filter whose selectivity neither planner knows, such as a
 * claim's value): past the cap it says "more than 1,000" on both databases.
 *
 * Statistics are table-wide, so an estimate is given only while the table holds no other
 * tenant's rows: otherwise the figure would tell one tenant about the others (SQLite's is the
 * whole table's row count; PostgreSQL's mixes the other tenants' frequencies), and it says
 * "more than 1,000" instead.
 */
export async function estimateCount(
  client: Db | Tx,
  from: Sql,
  scope: CountScope,
  stat?: SqliteStat,
  { planner = true } = {},
): Promise<RowCount> {
  const [capped] = await readRows(
    client,
    sql`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM ${from} LIMIT ${EXACT_COUNT_LIMIT + 1}) AS "capped"`,
    (r) => int(r.n),
  );
  if ((capped ?? 0) <= EXACT_COUNT_LIMIT) return { count: capped ?? 0, kind: "exact" };
  if (!planner || (await othersHaveRows(client, scope))) return { count: EXACT_COUNT_LIMIT, kind: "over" };
  const estimate = providerOf(client) === "postgres" ? await planRows(client, from) : await statRows(client, stat);
  return estimate && estimate > EXACT_COUNT_LIMIT ? { count: estimate, kind: "about" } : { count: EXACT_COUNT_LIMIT, kind: "over" };
}

/** Two seeks on the index that leads with "tenantId": any row below the tenant's id or above it. */
async function othersHaveRows(client: Db | Tx, { table, tenantId }: CountScope): Promise<boolean> {
  const from = raw(`"${table}"`);
  const [others] = await readRows(
    client,
    sql`SELECT CASE WHEN EXISTS (SELECT 1 FROM ${from} WHERE "tenantId" < ${tenantId})
      OR EXISTS (SELECT 1 FROM ${from} WHERE "tenantId" > ${tenantId}) THEN 1 ELSE 0 END AS "n"`,
    (r) => int(r.n),
  );
  return others === 1;
}

/** A first page that is not full is the whole view: its rows are the count, with no statement. */
export function wholeView(page: { rows: unknown[]; prev: unknown; next: unknown }): RowCount | undefined {
  return !page.prev && !page.next ? { count: page.rows.length, kind: "exact" } : undefined;
}

type Plan = { Plan?: { "Plan Rows"?: number } };

async function planRows(client: Db | Tx, from: Sql): Promise<number | undefined> {
  // EXPLAIN is not a SELECT, so it goes through Prisma rather than the raw read path.
  const rows = await client.$queryRaw<{ "QUERY PLAN": Plan[] | string }[]>(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${from}`);
  const plan = rows[0]?.["QUERY PLAN"];
  const parsed = typeof plan === "string" ? (JSON.parse(plan) as Plan[]) : plan;
  return parsed?.[0]?.Plan?.["Plan Rows"];
}

async function statRows(client: Db | Tx, stat: SqliteStat | undefined): Promise<number | undefined> {
  if (!stat) return undefined;
  const hasStats = await readRows(client, sql`SELECT COUNT(*) AS "n" FROM sqlite_schema WHERE name = 'sqlite_stat1'`, (r) => int(r.n));
  if (!hasStats[0]) return undefined;
  const [line] = await readRows(client, sql`SELECT stat FROM sqlite_stat1 WHERE idx = ${stat.index}`, (r) => text(r.stat));
  // stat is "rows, rows per key of the first column, of the first two, …". For the tenant alone
  // the table's rows stand in: estimateCount got here only when the table holds no other tenant's.
  const figure = Number(line?.split(" ")[stat.equalColumns === 1 ? 0 : stat.equalColumns]);
  return Number.isFinite(figure) ? figure : undefined;
}
