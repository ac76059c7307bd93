import { nameKey } from "../core/domains.ts";
import type { KeysetPage } from "../keyset.ts";
import { parseNamePattern, toLike, type NamePattern } from "./name-pattern.ts";

/*
 * What the console and the CLI do with a search box's text (issue #14): text without `*`
 * matches anywhere in the name, the names equal to it first; text with `*` is WSO2's pattern
 * as /management reads it. Keycloak and authentik search names by substring too; the pinned
 * exact match is what an admin who types a whole name expects to see on top.
 *
 * Exact matches first, with keyset pages: the exact names (at most one per store, an index
 * lookup) are pinned above the first page and left out of the rest (`except`), which pages by
 * its own keyset as any list does. So page 2 onwards is exactly what it would be without the
 * pin, and a page's cursor never has to say whether it sits among the pinned rows.
 */

export type NameSearch = { kind: "pattern"; pattern: NamePattern } | { kind: "contains"; exact: NamePattern; rest: NamePattern };

/** At most this many pinned exact matches: one per store of a tenant, far below it in practice. */
const MAX_PINNED = 100;

export function parseNameSearch(text: string | undefined): NameSearch {
  const trimmed = (text ?? "").trim();
  const key = nameKey(trimmed);
  if (key === "" || key.includes("*")) return { kind: "pattern", pattern: parseNamePattern(trimmed) };
  const exact = parseNamePattern(trimmed);
  if (exact.kind === "none") return { kind: "pattern", pattern: exact };
  return { kind: "contains", exact, rest: { kind: "like", key: `*${key}*`, like: `%${toLike(key)}%`, except: key } };
}

/** Every name the search finds, pinned or not, as one pattern: for counts. */
export function searchMatches(text: string | undefined): NamePattern {
  const search = parseNameSearch(text);
  if (search.kind === "pattern") return search.pattern;
  const { except, ...all } = search.rest as Extract<NamePattern, { kind: "like" }>;
  void except;
  return all;
}

export type SearchPageParams = { size: number; after?: string; before?: string };

/**
 * One keyset page for a search: `fetch` reads a page of rows matching a parsed pattern (the
 * list's own query). The first page, and a `before` page that reaches the start, is the exact
 * matches followed by the first of the rest; the pinned rows count toward its size.
 */
export async function searchPage<T>(
  text: string | undefined,
  page: SearchPageParams,
  fetch: (pattern: NamePattern, page: SearchPageParams) => Promise<KeysetPage<T>>,
): Promise<KeysetPage<T>> {
  const search = parseNameSearch(text);
  if (search.kind === "pattern") return fetch(search.pattern, page);
  if (page.after) return fetch(search.rest, { size: page.size, after: page.after });
  if (page.before) {
    const back = await fetch(search.rest, { size: page.size, before: page.before });
    if (back.prev !== null) return back;
  }
  const pinned = (await fetch(search.exact, { size: MAX_PINNED })).rows;
  // A rest page of at least one row, so there is a cursor to go on from even when more users
  // than a page holds have exactly this name (one per store).
  const rest = await fetch(search.rest, { size: Math.max(1, page.size - pinned.length) });
  return { rows: [...pinned, ...rest.rows], next: rest.next, prev: null };
}
