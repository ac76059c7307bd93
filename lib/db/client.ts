import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { withRollbackHooks } from "./after-rollback.ts";
import { postgresRawDriver, registerRawDriver, sqliteRawDriver } from "./raw-driver.ts";
import { serializedSqliteAdapter } from "./sqlite-adapter.ts";
import { resolveDbTarget, type DbTarget } from "./target.ts";

/**
 * Both generated clients come from one schema, so they expose the same API. The SQLite
 * client's type stands for both; queries must stay within what both providers support.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Defaults for interactive transactions. Prisma's (2 s to start, 5 s to finish) turned bursts
 * into 500s: at 20 requests in flight, transactions wait for a pooled connection (PostgreSQL)
 * or the SQLite gate before they start, and for row locks held by earlier writers of the same
 * row once started. Both waits are queueing, not failure, so they get room; a transaction
 * that really hangs still ends. Writes that queue on one tenant-wide row set their own
 * (`MAPPING_WRITE_TX`), as do bulk writes and provisioning.
 */
export const TRANSACTION_DEFAULTS = { maxWait: 15_000, timeout: 15_000 } as const;

/** `onStatement` sees the text of every statement the client's connections run (tests count them). */
export type DbOptions = { onStatement?: (sql: string) => void };

/**
 * A Prisma client over a driver the raw read path (raw-read.ts) shares: the PostgreSQL pool is
 * created here and handed to Prisma, the SQLite adapter exposes its connection and gate.
 */
export function createDb(target: DbTarget = resolveDbTarget(), options: DbOptions = {}): Db {
  const transactionOptions = TRANSACTION_DEFAULTS;
  if (target.provider === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    // An idle connection the server dropped emits "error" on the pool; unheard, that would end
    // the process before Prisma (which listens once connected) or the raw path ever queried.
    // The next query takes a fresh connection, so nothing more is needed here.
    pool.on("error", () => undefined);
    if (options.onStatement) observePool(pool, options.onStatement);
    // disposeExternalPool: $disconnect still ends the pool, as when Prisma created it.
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    const client = new PostgresClient({ adapter, transactionOptions }) as unknown as Db;
    registerRawDriver(client, postgresRawDriver(pool));
    return withRollbackHooks(client);
  }
  const adapter = serializedSqliteAdapter(target.file, options);
  const client = new SqliteClient({ adapter, transactionOptions });
  registerRawDriver(client, sqliteRawDriver(adapter.connection));
  return withRollbackHooks(client);
}

function observePool(pool: pg.Pool, onStatement: (sql: string) => void): void {
  pool.on("connect", (connection) => {
    const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    (connection as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string };
      onStatement(typeof first === "string" ? first : (first.text ?? ""));
      return query(...args);
    };
  });
}

const globalForDb = globalThis as unknown as { gatehouseDb?: Db };

/** The process-wide client for the configured DATABASE_URL. */
export function db(): Db {
  globalForDb.gatehouseDb ??= createDb();
  return globalForDb.gatehouseDb;
}
