import { z } from "zod";
import type { KeysetPage } from "../keyset.ts";

export const MAX_LIMIT = 500;

/** Paging on every /management list: keyset cursors, so pages stay correct while rows change. */
export const ZPaging = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(100),
  cursor: z.string().max(2048).optional(),
};

/**
 * The MI's {count, list} plus what a cut list needs: `truncated` and `next` (the cursor for the
 * following page), and the same as a Link header, so no caller mistakes a page for the whole.
 */
export function pagedResponse<T, R>(request: Request, page: KeysetPage<T>, item: (row: T) => R, extra: Record<string, unknown> = {}, listKey = "list"): Response {
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
