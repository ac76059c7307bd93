import { importJobQuery } from "@/lib/user-import/commands";
import { commandRoute } from "@/lib/transport/command-route";
import { jobRef } from "../job-ref";

/** The job's state and counts, for the progress bar's polling. */
export const GET = commandRoute(importJobQuery, {
  input: ({ params }) => jobRef(params.id),
  reply: (job) => Response.json(job, { headers: { "Cache-Control": "no-store" } }),
});
