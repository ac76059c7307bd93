import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { serializedSqliteAdapter } from "./sqlite-adapter.ts";
import { resolveDbTarget, type DbTarget } from "./target.ts";

/**
 * Both generated clients come from one schema, so they expose the same API. The SQLite
 * client's type stands for both; queries must stay within what both providers support.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createDb(target: DbTarget = resolveDbTarget()): Db {
  if (target.provider === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  return new SqliteClient({ adapter: serializedSqliteAdapter(target.file) });
}

const globalForDb = globalThis as unknown as { gatehouseDb?: Db };

/** The process-wide client for the configured DATABASE_URL. */
export function db(): Db {
  globalForDb.gatehouseDb ??= createDb();
  return globalForDb.gatehouseDb;
}
