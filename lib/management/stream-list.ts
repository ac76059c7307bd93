import type { KeysetPage } from "../keyset.ts";

/**
 * Rows fetched per query while streaming a whole list: the largest page the API serves, which
 * keeps each batch's follow-up `IN (...)` queries under SQLite's bound-parameter limit.
 */
export const STREAM_BATCH = 500;

type Source<T> = {
  /** Fields before the count, e.g. {role} for a role's members. */
  head?: Record<string, unknown>;
  /** Taken by one COUNT query before the first batch, since the MI writes count before the list. */
  count: number;
  listKey: string;
  /** The batch after this cursor (keyset paging), STREAM_BATCH rows at most. */
  page: (after: string | undefined) => Promise<KeysetPage<T>>;
  item: (row: T) => unknown;
};

/**
 * `{...head, "count": N, "<listKey>": [...]}` with every match, as the MI answers an unpaged
 * list, written one keyset batch at a time as the client reads: a million users cost the
 * memory of one batch. Rows that change while it streams may make the list differ from the
 * count by those rows. A database failure mid-stream aborts it, so the client sees cut JSON
 * rather than a list that looks whole.
 */
export function streamedList<T>(source: Source<T>): Response {
  const encoder = new TextEncoder();
  const opening = `${JSON.stringify({ ...source.head, count: source.count }).slice(0, -1)},${JSON.stringify(source.listKey)}:[`;
  let after: string | undefined;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(opening));
    },
    async pull(controller) {
      const batch = await source.page(after);
      if (batch.rows.length > 0) {
        controller.enqueue(encoder.encode(`${first ? "" : ","}${batch.rows.map((row) => JSON.stringify(source.item(row))).join(",")}`));
        first = false;
      }
      if (batch.next) {
        after = batch.next;
        return;
      }
      controller.enqueue(encoder.encode("]}"));
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
