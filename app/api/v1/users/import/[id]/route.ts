import { commandRoute } from "@/lib/transport/command-route";
import { importJobQuery } from "@/lib/user-import/commands";
import { jobRef } from "@/lib/user-import/job-ref";
import { IMPORT_ROUTE } from "@/lib/user-import/route-options";

/** The job's state and counts: the progress bar's and the CLI's polling. */
export const GET = commandRoute(importJobQuery, {
  ...IMPORT_ROUTE,
  input: ({ params }) => jobRef(params.id),
  reply: ({ heartbeatAt: _heartbeat, ...job }) => Response.json(job, { headers: { "Cache-Control": "no-store" } }),
});
