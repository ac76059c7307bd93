import { AppError } from "../errors.ts";

export type StreamEvent = { type: "progress"; done: number; total: number } | { type: "summary"; [key: string]: unknown } | { type: "error"; code: string; message: string };

/**
 * Streams newline-delimited JSON while `work` runs, so the browser can draw a progress bar
 * for a long operation. The last line is the summary, or the error that rolled it back.
 */
export function ndjsonResponse(work: (send: (event: StreamEvent) => void) => Promise<Record<string, unknown>>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: StreamEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        send({ type: "summary", ...(await work(send)) });
      } catch (error) {
        if (error instanceof AppError) send({ type: "error", code: error.code, message: error.message });
        else {
          console.error(error);
          send({ type: "error", code: "INTERNAL", message: "The operation failed and nothing was changed." });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
