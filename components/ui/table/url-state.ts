import { describeCount, type RowCount } from "@/lib/core/row-count";

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

/**
 * Server-side paging as the pager shows it: keyset cursors, or numbered pages where a list is
 * small. A keyset list that knows where its page starts (`start`, 1-based, carried in the links
 * as `start`) and its size shows the range; `total` adds "of about N".
 */
export type Paging =
  | { kind: "keyset"; next: string | null; prev: string | null; shown: number; start?: number; size?: number; total?: RowCount }
  | { kind: "offset"; page: number; size: number; hasNext: boolean; shown?: number; total?: RowCount };

/** "1–25 of about 1,000,000", "26–31 of 31", or null where the list does not know its position. */
export function rangeOf(paging: Paging): string | null {
  const first = paging.kind === "offset" ? (paging.page - 1) * paging.size + 1 : paging.prev ? paging.start : 1;
  if (first === undefined || paging.shown === undefined || (paging.kind === "keyset" && paging.start === undefined)) return null;
  if (paging.shown === 0) return paging.total ? `0 of ${describeCount(paging.total)}` : null;
  const range = `${first.toLocaleString("en")}–${(first + paging.shown - 1).toLocaleString("en")}`;
  return paging.total ? `${range} of ${describeCount(paging.total)}` : range;
}

/** The state's link for another page: a cursor replaces the old one, a page number keeps the size. */
export function pageHref(path: string, state: UrlState, paging: Paging, direction: "next" | "prev"): string | null {
  if (paging.kind === "keyset") {
    const cursor = paging[direction];
    if (!cursor) return null;
    const start = paging.start === undefined ? undefined : String(positionAfter(paging, direction));
    const moved = direction === "next" ? { after: cursor, start } : { before: cursor, start };
    const rest = Object.fromEntries(Object.entries(state).filter(([key]) => !(CURSOR_KEYS as readonly string[]).includes(key)));
    return hrefFor(path, rest, moved);
  }
  if (direction === "prev" ? paging.page <= 1 : !paging.hasNext) return null;
  return hrefFor(path, state, { page: String(paging.page + (direction === "next" ? 1 : -1)), size: String(paging.size) });
}

/** Where the next or previous keyset page starts: rows may come and go meanwhile, so it is a position, not a promise. */
function positionAfter(paging: Extract<Paging, { kind: "keyset" }>, direction: "next" | "prev"): number {
  const start = paging.prev ? (paging.start ?? 1) : 1;
  return direction === "next" ? start + paging.shown : Math.max(1, start - (paging.size ?? paging.shown));
}

/** The keys that say where in a list the page stands; a new filter starts over from the first page. */
export const CURSOR_KEYS = ["after", "before", "page", "start"] as const;

/** The link for `state` with the filters in `patch` changed, back on the first page. */
export function filterHref(path: string, state: UrlState, patch: UrlState): string {
  return hrefFor(path, state, { ...patch, after: undefined, before: undefined, page: undefined, start: undefined });
}

/** The hidden inputs a filter form carries so that submitting it keeps the rest of the table state. */
export function keptState(state: UrlState, fields: readonly string[]): [string, string][] {
  const skip = new Set<string>([...fields, ...CURSOR_KEYS]);
  return Object.entries(state).filter((entry): entry is [string, string] => !skip.has(entry[0]) && Boolean(entry[1]));
}
