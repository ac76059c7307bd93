import type { Db } from "./client.ts";
import { providerOf } from "./provider.ts";

/**
 * Brings SQLite's planner statistics up to date after a bulk write (a user store sync that
 * mirrored 100,000 users). SQLite reads sqlite_stat1 when a connection opens: the connection
 * that did the writing still plans with the numbers of the tables it opened on (often a handful
 * of rows), while a new connection gathers fresh ones in its opening `PRAGMA optimize`
 * (sqlite-adapter.ts). The same mask re-analyzes, within analysis_limit, each table that has
 * no statistics or grew or shrank tenfold, and ANALYZE reloads them on this connection.
 * PostgreSQL needs nothing: autovacuum analyzes, and plans read pg_statistic each time.
 */
export async function refreshPlannerStatistics(client: Db): Promise<void> {
  if (providerOf(client) !== "sqlite") return;
  await client.$executeRawUnsafe("PRAGMA optimize = 0x10002");
}

/** How often the process-wide SQLite client checks whether another connection re-analyzed. */
const FOLLOW_EVERY_MS = 30_000;

/**
 * Keeps a long-lived SQLite connection's statistics in step with the other connections to the
 * same file. ANALYZE on one connection (the sync above, in another worker of `npm start`)
 * leaves every other open connection planning with the numbers it opened with, until it runs
 * `ANALYZE sqlite_schema`, which reloads sqlite_stat1. So the process-wide client compares
 * sqlite_stat1 every 30 s (a few dozen rows) and reloads when it moved. Started by db() only:
 * short-lived clients (tests, scripts) open with fresh statistics anyway.
 */
export function followPlannerStatistics(client: Db): void {
  if (providerOf(client) !== "sqlite") return;
  const follow = () => void reloadIfAnalyzedElsewhere(client).catch(() => undefined);
  follow();
  setInterval(follow, FOLLOW_EVERY_MS).unref();
}

const seenStatistics = new WeakMap<Db, string>();

/** Reloads this connection's statistics when sqlite_stat1 changed since it last looked; true when it did. */
export async function reloadIfAnalyzedElsewhere(client: Db): Promise<boolean> {
  const stats = await readStatistics(client);
  const seen = seenStatistics.get(client);
  seenStatistics.set(client, stats);
  if (seen === undefined || seen === stats) return false;
  await client.$executeRawUnsafe("ANALYZE sqlite_schema");
  return true;
}

async function readStatistics(client: Db): Promise<string> {
  const exists = await client.$queryRawUnsafe<{ n: number | bigint }[]>(
    "SELECT count(*) AS n FROM sqlite_schema WHERE name = 'sqlite_stat1'",
  );
  if (Number(exists[0]?.n ?? 0) === 0) return "";
  const rows = await client.$queryRawUnsafe<{ line: string }[]>(
    "SELECT tbl || ' ' || coalesce(idx, '') || ' ' || stat AS line FROM sqlite_stat1 ORDER BY 1",
  );
  return rows.map((row) => row.line).join("\n");
}
