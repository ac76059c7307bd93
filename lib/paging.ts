import { z } from "zod";

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** Page parameters as they arrive in a URL: anything malformed falls back to the first page. */
export const ZPageParams = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25),
});
export type TPageParams = z.infer<typeof ZPageParams>;

export type Page<T> = { rows: T[]; page: number; size: number; hasNext: boolean };

/**
 * Fetches one row more than the page holds to learn whether a next page exists, so that no
 * page ever counts the whole table.
 */
export async function fetchPage<T>(params: TPageParams, fetch: (skip: number, take: number) => Promise<T[]>): Promise<Page<T>> {
  const rows = await fetch((params.page - 1) * params.size, params.size + 1);
  return { rows: rows.slice(0, params.size), page: params.page, size: params.size, hasNext: rows.length > params.size };
}
