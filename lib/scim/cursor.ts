/**
 * Cursor paging (RFC 9865): `cursor` (empty for the first page) and `count`; the answer's
 * `nextCursor` is the last row's sort key (lib/keyset.ts), and the next page is the rows after
 * it in the same order, found by the sort's index instead of skipping rows. Sorting by a
 * column only (id, userName / displayName, meta.created, meta.lastModified).
 */
import { decodeCursor, encodeCursor, type Cursor, type CursorShape } from "../keyset.ts";
import { join, raw, sql, type Sql } from "../db/sql.ts";
import { resolveUserPath } from "./attribute-map.ts";
import { resolveGroupPath } from "./filter-sql.ts";
import { scimError } from "./scim-error.ts";

type Keyed = { id: number; createdAt: Date; updatedAt: Date };
type Key<R> = { columns: string[]; shape: CursorShape; of: (row: R) => Cursor };

export type CursorPlan<R> = { after: Sql; order: Sql; next: (row: R) => string };

function plan<R extends Keyed>(alias: string, key: Key<R>, cursor: string, descending: boolean): CursorPlan<R> {
  const columns = key.columns.map((c) => raw(`${alias}."${c}"`));
  const dir = raw(descending ? "DESC" : "ASC");
  const order = join(
    columns.map((c) => sql`${c} ${dir}`),
    ", ",
  );
  const next = (row: R) => encodeCursor(key.of(row));
  if (cursor === "") return { after: sql`1=1`, order, next };
  const values = decodeCursor(cursor, key.shape);
  if (!values) throw scimError("invalidCursor", "The cursor is not one this server gave for this sort.");
  // Dates travel as ISO text in the cursor and are compared as timestamps.
  const bound = values.map((v, i) => (key.columns[i] === "createdAt" || key.columns[i] === "updatedAt" ? new Date(v as string) : v));
  const outOfRange = (d: Date) => Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999;
  if (bound.some((v) => v instanceof Date && outOfRange(v))) throw scimError("invalidCursor", "The cursor is malformed.");
  return { after: sql`(${join(columns)}) ${raw(descending ? "<" : ">")} (${join(bound)})`, order, next };
}

const byId = <R extends Keyed>(): Key<R> => ({ columns: ["id"], shape: ["int"], of: (r) => [r.id] });
const byDate = <R extends Keyed>(column: "createdAt" | "updatedAt"): Key<R> => ({
  columns: [column, "id"],
  shape: ["string", "int"],
  of: (r) => [r[column].toISOString(), r.id],
});

export function userCursor<R extends Keyed & { usernameKey: string }>(sortBy: string | undefined, descending: boolean, cursor: string) {
  const path = sortBy === undefined ? "id" : resolveUserPath(sortBy)?.path;
  const key: Key<R> | undefined =
    path === "id"
      ? byId()
      : path === "userName"
        ? { columns: ["usernameKey", "id"], shape: ["string", "int"], of: (r) => [r.usernameKey, r.id] }
        : path === "meta.created"
          ? byDate("createdAt")
          : path === "meta.lastModified"
            ? byDate("updatedAt")
            : undefined;
  if (!key) throw scimError("invalidValue", "With a cursor, Users sort by id, userName, meta.created or meta.lastModified.");
  return plan("u", key, cursor, descending);
}

export function groupCursor<R extends Keyed & { nameKey: string }>(sortBy: string | undefined, descending: boolean, cursor: string) {
  const path = sortBy === undefined ? "id" : resolveGroupPath(sortBy);
  const key: Key<R> | undefined =
    path === "id"
      ? byId()
      : path === "displayName"
        ? { columns: ["nameKey", "id"], shape: ["string", "int"], of: (r) => [r.nameKey, r.id] }
        : path === "meta.created"
          ? byDate("createdAt")
          : path === "meta.lastModified"
            ? byDate("updatedAt")
            : undefined;
  if (!key) throw scimError("invalidValue", "With a cursor, Groups sort by id, displayName, meta.created or meta.lastModified.");
  return plan("r", key, cursor, descending);
}
