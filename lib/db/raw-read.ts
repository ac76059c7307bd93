import type { Db, Tx } from "./client.ts";
import { rawDriverOf } from "./raw-driver.ts";
import { join, type Sql } from "./sql.ts";

/** Any client or transaction: only `$queryRaw` is needed (and `$connect` on a registered client). */
export type Reader = Pick<Db | Tx, "$queryRaw">;

/** A row as a driver returns it: column name to value, types varying by database. */
export type RawRow = Record<string, unknown>;

/**
 * The hot-path read: one SELECT built with the `sql` template, run straight through the driver
 * under the client (a cached prepared statement on SQLite, the client's pool on PostgreSQL),
 * each row mapped by `map`. Given a transaction client, it runs in that transaction through
 * Prisma instead, so a caller's transaction never reads outside itself. Values are always bound
 * parameters; only SELECTs are accepted on the direct path.
 */
export async function readRows<T>(client: Reader, query: Sql, map: (row: RawRow) => T): Promise<T[]> {
  const driver = rawDriverOf(client);
  if (driver) {
    let rows = driver.read(query);
    if (!rows) {
      // The client has not opened its connection yet (or was disconnected): open it once.
      await (client as Db).$connect();
      rows = driver.read(query);
    }
    if (rows) return (await rows).map(map);
  }
  return (await client.$queryRaw<RawRow[]>(query)).map(map);
}

/** Ids per `IN (…)` list: far below SQLite's 32766 and PostgreSQL's 65535 bound parameters. */
const IDS_PER_STATEMENT = 1000;

/** readRows once per slice of `ids` (one statement for any page or bulk chunk), rows concatenated. */
export async function readRowsByIds<T>(
  client: Reader,
  ids: readonly number[],
  query: (ids: Sql) => Sql,
  map: (row: RawRow) => T,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    out.push(...(await readRows(client, query(join(ids.slice(i, i + IDS_PER_STATEMENT))), map)));
  }
  return out;
}

// Column mappers: the drivers disagree on integers (number, bigint, or an int8 string),
// booleans (0/1 on SQLite) and dates (ISO text on SQLite), so every row is mapped through these.

export function int(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new TypeError(`Expected an integer column, got ${typeof value}.`);
  return n;
}

export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "t" || value === "true";
}

export function text(value: unknown): string {
  if (typeof value !== "string") throw new TypeError(`Expected a text column, got ${typeof value}.`);
  return value;
}

export function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : text(value);
}

export function date(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint")
    return new Date(typeof value === "bigint" ? Number(value) : value);
  throw new TypeError(`Expected a date column, got ${typeof value}.`);
}

export function dateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : date(value);
}
