import { tenantConfQuery } from "@/lib/scopes/queries";
import { commandRoute } from "@/lib/transport/command-route";

/** The mapping as a tenant-conf.json fragment, downloaded as a file. */
export const GET = commandRoute(tenantConfQuery, {
  input: () => ({}),
  reply: ({ document }) =>
    new Response(`${JSON.stringify(document, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="tenant-conf.json"',
        "Cache-Control": "no-store",
      },
    }),
});
