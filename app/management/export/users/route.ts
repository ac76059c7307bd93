import { MGMT_ROUTE } from "@/lib/management/errors";
import { ZUserExportQuery } from "@/lib/contracts/management";
import { downloadResponse } from "@/lib/http/download";
import { commandRoute } from "@/lib/transport/command-route";
import { usersExportQuery } from "@/lib/users/queries";

/** Gatehouse only: GET /export/users, the users list's view as a CSV or JSON-lines file, streamed (`gatehouse export users`). */
export const GET = commandRoute(usersExportQuery, {
  ...MGMT_ROUTE,
  query: ZUserExportQuery,
  input: ({ query }) => ({
    format: query.format ?? "csv",
    q: query.search,
    domain: query.domain,
    claim: query.claim,
    value: query.value,
    sort: query.sort ?? "username",
    dir: query.dir ?? "asc",
  }),
  reply: downloadResponse,
});
