import { empty, sql, type Sql } from "../db/sql.ts";
import { nameKey } from "../core/domains.ts";
import { isWellFormedText } from "../core/well-formed.ts";

/**
 * A WSO2-style search pattern: `*` matches anything; without `*` the name must match exactly
 * (ignoring case). `except` (the console's search, name-search.ts) leaves out the one name the
 * search shows pinned above the rest; `none` is a search no name can match (NUL or a lone surrogate: no name holds one,
 * and PostgreSQL cannot even take it as a parameter).
 */
export type NamePattern =
  | { kind: "all" }
  | { kind: "none" }
  | { kind: "exact"; key: string }
  | { kind: "prefix"; prefix: string }
  | { kind: "like"; key: string; like: string; except?: string };

/** A pattern as typed, parsed; one already parsed (by name-search.ts) passes through. */
export function parseNamePattern(input: string | NamePattern | undefined): NamePattern {
  if (typeof input === "object") return input;
  const key = nameKey((input ?? "").trim());
  if (!isWellFormedText(key)) return { kind: "none" };
  if (key.replaceAll("*", "") === "") return { kind: "all" };
  if (!key.includes("*")) return { kind: "exact", key };
  const star = key.indexOf("*");
  if (star === key.length - 1) return { kind: "prefix", prefix: key.slice(0, -1) };
  return { kind: "like", key, like: toLike(key) };
}

/** `*` becomes `%`; LIKE's own wildcards in the input are escaped, so they match literally. */
export function toLike(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replaceAll("*", "%");
}

/**
 * The smallest string greater than every string starting with `prefix`, by code point; null
 * when there is none (a prefix of U+10FFFF only). Works on code points, never on UTF-16 units,
 * so it cannot split a surrogate pair, and it steps over the surrogate range.
 */
export function prefixUpperBound(prefix: string): string | null {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) return points.join("") + String.fromCodePoint(last + 1 === 0xd800 ? 0xe000 : last + 1);
  }
  return null;
}

/**
 * The WHERE fragment for a key column. A prefix becomes an index range (fast on both
 * databases, whatever the collation) plus a LIKE that removes anything the range let in.
 */
export function namePatternSql(column: Sql, pattern: NamePattern): Sql {
  switch (pattern.kind) {
    case "all":
      return empty;
    case "none":
      return sql` AND 1 = 0`;
    case "exact":
      return sql` AND ${column} = ${pattern.key}`;
    case "prefix": {
      const upper = prefixUpperBound(pattern.prefix);
      const below = upper === null ? empty : sql` AND ${column} < ${upper}`;
      return sql` AND ${column} >= ${pattern.prefix}${below} AND ${column} LIKE ${`${toLike(pattern.prefix)}%`} ESCAPE '\\'`;
    }
    case "like": {
      const except = pattern.except === undefined ? empty : sql` AND ${column} <> ${pattern.except}`;
      return sql` AND ${column} LIKE ${pattern.like} ESCAPE '\\'${except}`;
    }
  }
}
