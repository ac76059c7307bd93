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
