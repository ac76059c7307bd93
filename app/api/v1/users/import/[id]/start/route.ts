import { ZImportJobVersion } from "@/lib/contracts/user-import";
import { commandRoute } from "@/lib/transport/command-route";
import { startImportCommand } from "@/lib/user-import/commands";
import { jobRef } from "@/lib/user-import/job-ref";
import { IMPORT_ROUTE } from "@/lib/user-import/route-options";

/** POST {"version"}: the job as the caller last saw it (409 when it changed meanwhile). */
export const POST = commandRoute(startImportCommand, {
  ...IMPORT_ROUTE,
  body: ZImportJobVersion,
  input: ({ params, body }) => ({ ...jobRef(params.id), version: body.version }),
  reply: (result) => result,
});
