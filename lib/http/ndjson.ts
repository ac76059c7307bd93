import { AppError } from "../errors.ts";

export type StreamEvent =
  | { type: "progress"; done: number; total: number }
  | { type: "summary"; [key: string]: unknown }
  | { type: "error"; code: string; message: string };

/**
 * Streams newline-delimited JSON while `work` runs, so the browser can draw a progress bar
 * for a long operation. The last line is the summary, or the error that rolled it back.
 *
 * The status line waits for the first event: work that fails before reporting any progress
 * (refused, or failing on its first chunk) rejects, so the caller answers a real error status
 * in its API's shape instead of a 200 whose only line is an error. Once lines are flowing the
 * status is sent; a later failure is the final `error` line, which clients treat as failure.
 */
export async function ndjsonResponse(work: (send: (event: StreamEvent) => void) => Promise<Record<string, unknown>>): Promise<Response> {
  const encoder = new TextEncoder();
  const early: StreamEvent[] = [];
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let started!: () => void;
  const firstEvent = new Promise<void>((resolve) => (started = resolve));
  const send = (event: StreamEvent) => {
    if (controller) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
    else early.push(event);
    started();
  };
  const outcome = work(send).then(
    (summary) => ({ ok: true as const, summary }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const first = await Promise.race([firstEvent.then(() => null), outcome]);
  if (first && !first.ok && early.length === 0) throw first.error;

  const stream = new ReadableStream<Uint8Array>({
    async start(c) {
      controller = c;
      for (const event of early.splice(0)) send(event);
      const result = await outcome;
      if (result.ok) send({ type: "summary", ...result.summary });
      else if (result.error instanceof AppError) send({ type: "error", code: result.error.code, message: result.error.message });
      else {
        console.error(result.error);
        send({ type: "error", code: "INTERNAL", message: "The operation failed and nothing was changed." });
      }
      c.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
