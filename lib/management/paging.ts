import type { KeysetPage } from "../keyset.ts";

const DEFAULT_LIMIT = 100;

// Paging is opt-in (ZPagingQuery, lib/contracts/management.ts): without `limit` or `cursor` a
// list is the MI's whole list, streamed (stream-list.ts); with either, one keyset page.
/** The page size the caller asked for, or null for the whole list. */
export function requestedPage(query: { limit?: number; cursor?: string }): { size: number; after?: string } | null {
  if (query.limit === undefined && query.cursor === undefined) return null;
  return { size: query.limit ?? DEFAULT_LIMIT, after: query.cursor };
}

/**
 * The MI's {count, list} plus what a cut list needs: `truncated` and `next` (the cursor for the
 * following page), and the same as a Link header, so no caller mistakes a page for the whole.
 */
export function pagedResponse<T, R>(
  request: Request,
  page: KeysetPage<T>,
  item: (row: T) => R,
  extra: Record<string, unknown> = {},
  listKey = "list",
): Response {
  const list = page.rows.map(item);
  const headers = new Headers();
  if (page.next) {
    const url = new URL(request.url);
    url.searchParams.set("cursor", page.next);
    headers.set("link", `<${url.pathname}${url.search}>; rel="next"`);
  }
  const body = { ...extra, count: list.length, [listKey]: list, truncated: page.next !== null, next: page.next };
  return Response.json(body, { headers });
}
