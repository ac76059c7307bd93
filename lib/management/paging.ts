import { z } from "zod";
import { MAX_MANAGEMENT_PAGE } from "../core/contract.ts";
import type { KeysetPage } from "../keyset.ts";

const DEFAULT_LIMIT = 100;

/**
 * Paging is opt-in: apictl never pages, so a list without `limit` (or `cursor`) is the MI's
 * whole list, streamed (stream-list.ts). With either, it is one keyset page.
 */
export const ZPaging = {
  limit: z.coerce.number().int().min(1).max(MAX_MANAGEMENT_PAGE).optional(),
  cursor: z.string().max(2048).optional(),
};

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
