/** A table's state as it stands in the URL: each key is a query parameter the page owns. */
export type UrlState = Record<string, string | undefined>;

/**
 * The link to `path` with `state` changed by `patch`. Keys keep their order (a patched key stays
 * where it was, a new one goes last) and empty values are dropped, so links read as before.
 */
export function hrefFor(path: string, state: UrlState, patch: UrlState = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...state, ...patch })) if (value) query.set(key, value);
  return `${path}?${query}`;
}

/** Server-side paging as the pager shows it: keyset cursors, or numbered pages where a list is small. */
export type Paging =
  | { kind: "keyset"; next: string | null; prev: string | null; shown: number }
  | { kind: "offset"; page: number; size: number; hasNext: boolean };

/** The state's link for another page: a cursor replaces the old one, a page number keeps the size. */
export function pageHref(path: string, state: UrlState, paging: Paging, direction: "next" | "prev"): string | null {
  if (paging.kind === "keyset") {
    const cursor = paging[direction];
    if (!cursor) return null;
    return hrefFor(path, { ...state, after: undefined, before: undefined }, direction === "next" ? { after: cursor } : { before: cursor });
  }
  if (direction === "prev" ? paging.page <= 1 : !paging.hasNext) return null;
  return hrefFor(path, state, { page: String(paging.page + (direction === "next" ? 1 : -1)), size: String(paging.size) });
}

/** The keys that say where in a list the page stands; a new filter starts over from the first page. */
export const CURSOR_KEYS = ["after", "before", "page"] as const;

/** The link for `state` with the filters in `patch` changed, back on the first page. */
export function filterHref(path: string, state: UrlState, patch: UrlState): string {
  return hrefFor(path, state, { ...patch, after: undefined, before: undefined, page: undefined });
}

/** The hidden inputs a filter form carries so that submitting it keeps the rest of the table state. */
export function keptState(state: UrlState, fields: readonly string[]): [string, string][] {
  const skip = new Set<string>([...fields, ...CURSOR_KEYS]);
  return Object.entries(state).filter((entry): entry is [string, string] => !skip.has(entry[0]) && Boolean(entry[1]));
}
