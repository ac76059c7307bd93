import { z } from "zod";
import { MAX_ROW_ID } from "./db/row-id.ts";
import { isWellFormedText } from "./http/well-formed.ts";

/**
 * Keyset paging: a page is "the rows after (or before) this key" rather than "skip N rows",
 * so page 40,000 costs the same as page 1 and nothing is counted. Cursors are opaque,
 * URL-safe, and validated when they come back.
 */
export type Cursor = (string | number)[];

export function encodeCursor(values: Cursor): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** What each position of a cursor holds: a text key, or an integer id (a 32-bit column). */
export type CursorShape = readonly ("string" | "int")[];

const ZKeyText = z.string().max(1024).refine(isWellFormedText);
const ZKeyInt = z
  .number()
  .int()
  .min(-MAX_ROW_ID - 1)
  .max(MAX_ROW_ID);

/**
 * A cursor comes back from the client, so it is checked against the shape of the sort key it
 * stands for: a value of the wrong type or range would otherwise reach the query and fail there.
 * Anything else means "no cursor", so a tampered link still opens the first page.
 */
export function decodeCursor(value: string | undefined, shape: CursorShape): Cursor | undefined {
  if (!value) return undefined;
  const schema = z
    .array(z.union([ZKeyText, ZKeyInt]))
    .length(shape.length)
    .refine((values) => values.every((v, i) => typeof v === (shape[i] === "string" ? "string" : "number")));
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
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
export function keysetPage<T>(
  rows: T[],
  size: number,
  key: (row: T) => Cursor,
  opts: { forward: boolean; hadCursor: boolean },
): KeysetPage<T> {
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
