/** A streamed export as a download: the file's type and name, never cached (audit log, users). */
export function downloadResponse({
  filename,
  contentType,
  body,
}: {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
