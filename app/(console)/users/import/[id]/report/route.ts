import { importReportQuery } from "@/lib/user-import/commands";
import { commandRoute } from "@/lib/transport/command-route";
import { jobRef } from "../job-ref";

/** The per-row result of an import as CSV, streamed. */
export const GET = commandRoute(importReportQuery, {
  input: ({ params }) => jobRef(params.id),
  reply: ({ filename, contentType, body }) =>
    new Response(body, {
      headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
    }),
});
