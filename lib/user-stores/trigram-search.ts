import { empty, sql, type Sql } from "../db/sql.ts";
import { providerOf } from "../db/provider.ts";
import type { NamePattern } from "../stores/name-pattern.ts";
import type { Reader } from "./user-store.ts";

/*
 * Searches with a leading or inner `*` through the trigram indexes of migration 0008. The
 * LIKE of namePatternSql and claimFilter always stays in the query and decides; a trigram
 * index only narrows the rows it looks at, so results are exactly LIKE's on both databases.
 *
 * Neither planner can be left to choose on its own: SQLite's knows nothing of how many rows an
 * FTS5 MATCH returns (and counting them first costs as much as the search when the phrase is
 * common: `@acme.com`'s `.co` and `com` are in every `.com` address), and PostgreSQL's, seeing
 * 5% of names match `*ops*`, assumes they are spread evenly and walks the name index with a
 * heap fetch per row, while all 50,000 sit together 65% of the way down (4 s at 1M users).
 * So listDatabaseUsers looks for a page in two steps: a walk of at most WALK_WINDOW rows in
 * the list's order, bounded by the key that far down the index (a match as common as 1 in
 * 200 fills a page there, and the walk stops at a full page); then, only when that did not
 * fill the page, every match from the trigram index with just the sort keys, the page's
 * worth taken by a top-N sort and only those joined to the rest. For a name pattern the keys
 * come from the narrow copy "UserSortKey" (migration 0011), not from "User"'s wide rows. A
 * claim pattern alone on PostgreSQL by name skips both steps: selecting only the keys lets
 * its planner walk the covering name index index-only, or use the GIN index for a rare value.
 */

/** How far the first step walks the name index before it asks the trigram index instead. */
export const WALK_WINDOW = 5_000;

/** The literal runs between `*`s that a trigram index can look up: 3 characters or more. */
export function trigramFragments(key: string): string[] {
  return key.split("*").filter((run) => [...run].length >= 3);
}

/** An FTS5 query requiring every fragment as a phrase; inside "…" only `"` is special (doubled). */
export function ftsQuery(fragments: readonly string[]): string {
  return fragments.map((f) => `"${f.replaceAll('"', '""')}"`).join(" AND ");
}

/** Whether the name pattern or the claim value has a fragment a trigram index can look up. */
export function hasTrigram(pattern: NamePattern, claim: string | undefined, claimValue: string): boolean {
  return (pattern.kind === "like" && trigramFragments(pattern.key).length > 0) || (!!claim && trigramFragments(claimValue).length > 0);
}

/** The SQLite trigram restriction for a username pattern on `u`, or nothing (PostgreSQL, no fragment of 3). */
export function nameTrigramSql(client: Reader, pattern: NamePattern): Sql {
  if (pattern.kind !== "like" || providerOf(client) !== "sqlite") return empty;
  const fragments = trigramFragments(pattern.key);
  if (fragments.length === 0) return empty;
  return sql` AND u."id" IN (SELECT rowid FROM "UserNameTrigram" WHERE "UserNameTrigram" MATCH ${ftsQuery(fragments)})`;
}

/**
 * A name pattern with a trigram: where the matches' sort keys come from, as `u`, in the narrow
 * copy "UserSortKey" of migration 0011 (id, tenantId, storeId, usernameKey), so a common
 * match costs a read of a narrow row, never of "User"'s. PostgreSQL: its GIN index over the
 * copy finds the rows. SQLite: the FTS5 table is the outer loop of the join (CROSS JOIN fixes
 * SQLite's join order), each match's keys read by id. Sorting those keys for the page then
 * needs no IN list or materialized copy of 50,000 ids first.
 */
export function nameTrigramDrive(client: Reader, pattern: NamePattern): { from: Sql; match: Sql } | undefined {
  if (pattern.kind !== "like") return undefined;
  const fragments = trigramFragments(pattern.key);
  if (fragments.length === 0) return undefined;
  if (providerOf(client) === "postgres") return { from: sql`"UserSortKey" u`, match: empty };
  return {
    from: sql`"UserNameTrigram" CROSS JOIN "UserSortKey" u ON u."id" = "UserNameTrigram".rowid`,
    match: sql` AND "UserNameTrigram" MATCH ${ftsQuery(fragments)}`,
  };
}

/** The same for a claim filter: `value` is the lower-cased `*` pattern the LIKE compares with lower(value). */
export function claimTrigramSql(client: Reader, claim: string | undefined, value: string): Sql {
  if (!claim || providerOf(client) !== "sqlite") return empty;
  const fragments = trigramFragments(value);
  if (fragments.length === 0) return empty;
  return sql` AND u."id" IN (SELECT k."userId" FROM "UserClaimTrigram" JOIN "UserClaimTrigramKey" k ON k."id" = "UserClaimTrigram".rowid
    WHERE "UserClaimTrigram" MATCH ${ftsQuery(fragments)} AND k."claim" = ${claim})`;
}
