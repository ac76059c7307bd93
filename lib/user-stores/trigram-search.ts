import { empty, sql, type Sql } from "../db/sql.ts";
import { providerOf } from "../db/provider.ts";
import type { NamePattern } from "../stores/name-pattern.ts";
import type { Reader } from "./user-store.ts";

/*
 * Searches with a leading or inner `*` through the trigram indexes of migration 0008. The
 * LIKE of namePatternSql and claimFilter always stays in the query and decides; a trigram
 * index only narrows the rows it looks at, so results are exactly LIKE's on both databases.
 *
 * PostgreSQL needs nothing here: pg_trgm's GIN indexes answer the LIKE itself, and the planner
 * weighs them against walking the name index with its statistics. SQLite's planner knows
 * nothing of how many rows an FTS5 MATCH returns, so this asks first (a count capped at
 * DRIVE_LIMIT): up to that many matches are fetched by id through the index and sorted (a
 * few tens of ms at the limit); more are dense enough (over 10% of a million users) that
 * walking the name index in order finds a page sooner, as before. The limit is high because
 * matches bunch: every `ops.*` name matches `*ops*`, and they sort together two thirds of
 * the way down the index, which a walk reaches only after ~650,000 rows.
 */

/** Up to this many trigram matches, SQLite fetches them by id and sorts them. */
export const DRIVE_LIMIT = 100_000;
/**
 * Claims: a value's phrase (`@acme.com`: 7 trigrams, two of them in every `.com` address) costs
 * far more per match than a name's, and the walk probes one claim row per user, so the switch
 * to the walk comes early.
 */
export const CLAIM_DRIVE_LIMIT = 2_000;

/** The literal runs between `*`s that a trigram index can look up: 3 characters or more. */
export function trigramFragments(key: string): string[] {
  return key.split("*").filter((run) => [...run].length >= 3);
}

/** An FTS5 query requiring every fragment as a phrase; inside "…" only `"` is special (doubled). */
export function ftsQuery(fragments: readonly string[]): string {
  return fragments.map((f) => `"${f.replaceAll('"', '""')}"`).join(" AND ");
}

async function fewMatches(client: Reader, table: Sql, query: string, limit: number): Promise<boolean> {
  const [row] = await client.$queryRaw<{ n: number | bigint }[]>(
    sql`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ${query} LIMIT ${limit}) x`,
  );
  return Number(row?.n ?? 0) < limit;
}

/** The SQLite trigram step for a username pattern on `u`, or nothing (PostgreSQL, no trigram, many matches). */
export async function nameTrigramSql(client: Reader, pattern: NamePattern): Promise<Sql> {
  if (pattern.kind !== "like" || providerOf(client) !== "sqlite") return empty;
  const fragments = trigramFragments(pattern.key);
  if (fragments.length === 0) return empty;
  const query = ftsQuery(fragments);
  if (!(await fewMatches(client, sql`"UserNameTrigram"`, query, DRIVE_LIMIT))) return empty;
  return sql` AND u."id" IN (SELECT rowid FROM "UserNameTrigram" WHERE "UserNameTrigram" MATCH ${query})`;
}

/** The same for a claim filter: `value` is the lower-cased `*` pattern the LIKE compares with lower(value). */
export async function claimTrigramSql(client: Reader, claim: string, value: string): Promise<Sql> {
  if (providerOf(client) !== "sqlite") return empty;
  const fragments = trigramFragments(value);
  if (fragments.length === 0) return empty;
  const query = ftsQuery(fragments);
  if (!(await fewMatches(client, sql`"UserClaimTrigram"`, query, CLAIM_DRIVE_LIMIT))) return empty;
  return sql` AND u."id" IN (SELECT k."userId" FROM "UserClaimTrigram" JOIN "UserClaimTrigramKey" k ON k."id" = "UserClaimTrigram".rowid
    WHERE "UserClaimTrigram" MATCH ${query} AND k."claim" = ${claim})`;
}
