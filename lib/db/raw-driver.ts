import type BetterSqlite3 from "better-sqlite3";
import type { Mutex } from "async-mutex";
import pg from "pg";
import type { Sql } from "./sql.ts";

/**
 * The database driver under a Prisma client, for reads Prisma makes slow: its query pipeline
 * costs ~1 ms per call where the SQL costs ~0.1 ms (docs/performance.md, "Hot-path reads").
 * createDb registers each client's driver here; a transaction client is never registered,
 * so a read inside a transaction always goes through that transaction.
 */
export type RawDriver = {
  /** Runs one SELECT with bound parameters and returns its rows as plain objects. */
  read(query: Sql): Promise<Record<string, unknown>[]> | undefined;
};

// On globalThis, as db()'s client is: the production build loads this module more than once
// (one copy per server bundle), and a client registered through one copy must be found through
// every other, or its reads silently fall back to Prisma's pipeline (measured: the session
// statement went through Prisma on every /api/v1 request; docs/performance.md, The decision API).
const globalForDrivers = globalThis as unknown as { gatehouseRawDrivers?: WeakMap<object, RawDriver> };
const drivers = (globalForDrivers.gatehouseRawDrivers ??= new WeakMap<object, RawDriver>());

export function registerRawDriver(client: object, driver: RawDriver): void {
  drivers.set(client, driver);
}

export function rawDriverOf(client: object): RawDriver | undefined {
  return drivers.get(client);
}

/** What the SQLite adapter shares: its connection once Prisma has opened it, and the gate transactions hold. */
export type SqliteConnection = { database?: BetterSqlite3.Database; gate: Mutex };

// Prepared statements are kept per connection and SQL text; a few hundred texts cover every
// combination of filters, sorts and page sizes the lists build. Least recently used goes first.
const STATEMENTS_KEPT = 256;
const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function prepared(database: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statements.get(database);
  if (!cache) statements.set(database, (cache = new Map()));
  let statement = cache.get(text);
  if (statement) cache.delete(text);
  else {
    statement = database.prepare(text);
    // The direct path bypasses Prisma's transactions, so it must never write.
    if (!statement.readonly || !statement.reader) throw new Error("readRows runs SELECTs only.");
    // Numbers, not BigInt: ids and counts fit, and the row mappers convert explicitly anyway.
    statement.safeIntegers(false);
  }
  cache.set(text, statement);
  if (cache.size > STATEMENTS_KEPT) cache.delete(cache.keys().next().value!);
  return statement;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only; Prisma stores DateTime as ISO text. */
function sqliteValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  return value ?? null;
}

/**
 * Reads on the SQLite client's own connection. better-sqlite3 is synchronous, so when no
 * transaction holds the gate the statement runs at once and nothing can interleave; while one
 * does, the read waits for it, as Prisma's own queries do (sqlite-adapter.ts), so it never sees
 * uncommitted rows. Undefined until Prisma has connected: the caller then connects first.
 */
export function sqliteRawDriver(connection: SqliteConnection): RawDriver {
  return {
    read(query) {
      const database = connection.database;
      if (!database?.open) return undefined;
      // `query.sql` (with ? placeholders) is built on each access: read it once.
      const statement = prepared(database, query.sql);
      const run = () => statement.all(...query.values.map(sqliteValue)) as Record<string, unknown>[];
      return connection.gate.isLocked() ? connection.gate.runExclusive(run) : Promise.resolve(run());
    },
  };
}

// Prisma maps DateTime to `timestamp(3)` without a zone and means UTC; pg's default parser would
// read it as local time. int8 (COUNT) stays a string for the mappers to convert.
const TIMESTAMP = 1114;
const SELECT = /^\s*(SELECT|WITH)\b/i;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function postgresValue(value: unknown): unknown {
  // A Date as UTC wall time, matching the zone-less columns (pg would send local time with an offset).
  return value instanceof Date ? value.toISOString().replace("Z", "") : value;
}

/**
 * Reads through the same pool as the PostgreSQL client, as unnamed statements: a named one may
 * switch to a generic plan after five runs, and a generic plan cannot use a LIKE prefix.
 */
export function postgresRawDriver(pool: pg.Pool): RawDriver {
  return {
    read(query) {
      if (pool.ended) return undefined;
      const text = query.text;
      if (!SELECT.test(text)) throw new Error("readRows runs SELECTs only.");
      return pool.query({ text, values: query.values.map(postgresValue), types }).then((result) => result.rows);
    },
  };
}
