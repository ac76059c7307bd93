/**
 * A request body read up to a byte limit. Content-Length is only a claim, and a chunked body
 * has none: the stream is counted as it arrives and abandoned at the limit, so an oversized
 * body is never held in memory whole.
 */
export async function readCappedText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  // As Request.text() decodes: UTF-8, a leading BOM dropped.
  return new TextDecoder().decode(Buffer.concat(chunks));
}
