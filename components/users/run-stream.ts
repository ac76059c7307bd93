type Progress = { done: number; total: number };
type Skipped = { user: string; reason: string };
export type BulkResult = ({ ok: true; succeeded: number; skipped: Skipped[] } | { ok: false; message: string }) & { verb?: string };

/** Posts a bulk request and reads its NDJSON stream, reporting progress until the summary line. */
export async function runStream(url: string, body: object, onProgress: (p: Progress) => void): Promise<BulkResult> {
  const result = await postStream(url, { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }, onProgress);
  if (!result.ok) return result;
  return { ok: true, succeeded: Number(result.summary.succeeded), skipped: (result.summary.skipped as Skipped[]) ?? [] };
}

export type StreamResult = { ok: true; summary: Record<string, unknown> } | { ok: false; message: string };

/** Posts `init`'s body and reads the NDJSON answer (lib/http/ndjson.ts) until its summary or error line. */
export async function postStream(url: string, init: RequestInit, onProgress: (p: Progress) => void): Promise<StreamResult> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, method: "POST" });
  } catch {
    return { ok: false, message: "The server could not be reached." };
  }
  if (!response.ok || !response.body) {
    const error = (await response.json().catch(() => null)) as { message?: string } | null;
    return { ok: false, message: error?.message ?? `The request failed (${response.status}).` };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as { type: string } & Record<string, unknown>;
      if (event.type === "progress") onProgress(event as unknown as Progress);
      if (event.type === "summary") return { ok: true, summary: event };
      if (event.type === "error") return { ok: false, message: String(event.message) };
    }
  }
  return { ok: false, message: "The connection broke before the server reported back. Reload the list to see what changed." };
}
