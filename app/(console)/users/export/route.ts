import { usersExportQuery } from "@/lib/users/queries";
import { downloadResponse } from "@/lib/http/download";
import { commandRoute } from "@/lib/transport/command-route";

/** The Users list's view (its filters and sort, plus `format`) as a CSV or JSON-lines file with roles and claims, streamed. */
export const GET = commandRoute(usersExportQuery, {
  query: usersExportQuery.input,
  input: ({ query }) => query,
  reply: downloadResponse,
});
