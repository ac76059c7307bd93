import { commandRoute } from "@/lib/transport/command-route";
import { importReportQuery } from "@/lib/user-import/commands";
import { jobRef } from "@/lib/user-import/job-ref";
import { IMPORT_ROUTE } from "@/lib/user-import/route-options";

/** The per-row result as CSV, streamed. */
export const GET = commandRoute(importReportQuery, {
  ...IMPORT_ROUTE,
  input: ({ params }) => jobRef(params.id),
  reply: ({ filename, contentType, body }) =>
    new Response(body, {
      headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
    }),
});
