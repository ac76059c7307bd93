import { commandRoute } from "@/lib/transport/command-route";
import { importRowsQuery } from "@/lib/user-import/commands";
import { ZImportRowParams } from "@/lib/user-import/import-jobs";
import { jobRef } from "@/lib/user-import/job-ref";
import { IMPORT_ROUTE } from "@/lib/user-import/route-options";

const ZQuery = ZImportRowParams.omit({ id: true });

/** A keyset page of the file's rows (`show`: all, create, update, skip, invalid; `after`: the last line seen). */
export const GET = commandRoute(importRowsQuery, {
  ...IMPORT_ROUTE,
  query: ZQuery,
  input: ({ params, query }) => ({ ...query, ...jobRef(params.id) }),
  reply: ({ rows, next }) => ({ rows, next }),
});
