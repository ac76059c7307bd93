import { z } from "zod";

/**
 * Keyset paging: a page is "the rows after (or before) this key" rather than "skip N rows",
 * so page 40,000 costs the same as page 1 and nothing is counted. Cursors are opaque,
 * URL-safe, and validated when they come back.
 */
export type Cursor = (string | number)[];

export function encodeCursor(values: Cursor): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

const ZCursor = z.array(z.union([z.string().max(1024), z.number().int()])).min(1).max(4);

export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  try {
    const parsed = ZCursor.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type KeysetPage<T> = { rows: T[]; next: string | null; prev: string | null };

/**
 * Builds a page from rows fetched with one extra row. `forward` is false for a "before"
 * query, whose rows arrive in reverse order.
 */
export function keysetPage<T>(rows: T[], size: number, key: (row: T) => Cursor, opts: { forward: boolean; hadCursor: boolean }): KeysetPage<T> {
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (!opts.forward) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const hasNext = opts.forward ? more : opts.hadCursor;
  const hasPrev = opts.forward ? opts.hadCursor : more;
  return {
    rows: page,
    next: hasNext && last ? encodeCursor(key(last)) : null,
    prev: hasPrev && first ? encodeCursor(key(first)) : null,
  };
}
