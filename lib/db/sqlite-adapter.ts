import { Mutex } from "async-mutex";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import type { SqliteConnection } from "./raw-driver.ts";

type Factory = InstanceType<typeof PrismaBetterSQLite3>;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * The upstream adapter shares one connection between interactive transactions and ordinary
 * queries, and guards only the transactions. A query from another request would then run
 * inside an open transaction: it sees uncommitted rows and is rolled back with it. This
 * wrapper makes ordinary queries wait for the open transaction, as a real database would.
 */
export function serializedSqliteAdapter(file: string, options: { onStatement?: (sql: string) => void } = {}) {
  const verbose = options.onStatement && ((message?: unknown) => options.onStatement!(String(message)));
  const inner = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000, ...(verbose ? { verbose } : {}) });
  const gate = new Mutex();
  /** Shared with the raw read path (raw-driver.ts): the same connection, behind the same gate. */
  const connection: SqliteConnection = { gate };
  return {
    connection,
    provider: "sqlite" as const,
    adapterName: inner.adapterName,
    async connect(): Promise<Adapter> {
      const adapter = await inner.connect();
      // The upstream adapter keeps its better-sqlite3 handle in `client`; the raw path reads
      // through it only when it looks like one (duck-typed: bundlers may load the module twice),
      // and falls back to Prisma otherwise.
      const handle = (adapter as unknown as { client?: Partial<Database.Database> }).client;
      if (typeof handle?.prepare === "function" && typeof handle.open === "boolean") connection.database = handle as Database.Database;
      // optimize=0x10002 gathers bounded statistics where they are missing or stale; without
      // them SQLite picks slow plans for small roles in a million-user table (see the benchmark).
      // mmap_size: reads come straight from the OS page cache, shared by every worker, instead
      // of a pread per page past the 2 MB private cache; a search sorting 50,000 trigram
      // matches (docs/performance.md, Search and counts) does 50,000 row lookups.
      await adapter.executeScript(
        [
          "PRAGMA journal_mode = WAL;",
          "PRAGMA synchronous = NORMAL;",
          "PRAGMA foreign_keys = ON;",
          "PRAGMA analysis_limit = 1000;",
          "PRAGMA optimize = 0x10002;",
          "PRAGMA mmap_size = 1073741824;",
        ].join(" "),
      );
      return wrap(adapter, gate);
    },
  };
}

function wrap(adapter: Adapter, gate: Mutex): Adapter {
  const exclusive = <T>(fn: () => Promise<T>) => gate.runExclusive(fn);
  const wrapped: Adapter = Object.create(adapter);
  wrapped.queryRaw = (query) => exclusive(() => adapter.queryRaw(query));
  wrapped.executeRaw = (query) => exclusive(() => adapter.executeRaw(query));
  wrapped.executeScript = (script) => exclusive(() => adapter.executeScript(script));
  wrapped.startTransaction = async () => {
    const release = await gate.acquire();
    try {
      return await beginImmediate(adapter, release);
    } catch (error) {
      release();
      throw error;
    }
  };
  return wrapped;
}

/**
 * Upstream begins with a plain BEGIN, which takes the write lock only at the first write; if
 * another process wrote in between, that upgrade fails at once with SQLITE_BUSY. BEGIN
 * IMMEDIATE takes the lock up front and waits for it, so read-then-write transactions from
 * several processes queue instead of failing.
 */
async function beginImmediate(adapter: Adapter, release: () => void): Promise<Transaction> {
  await adapter.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] });
  // Queries of the transaction go straight to the connection; the client sends COMMIT or
  // ROLLBACK itself, then calls commit() or rollback() to hand the connection back.
  const tx: Transaction = Object.assign(Object.create(adapter) as Transaction, {
    options: { usePhantomQuery: false },
    commit: async () => release(),
    rollback: async () => release(),
  });
  return tx;
}
