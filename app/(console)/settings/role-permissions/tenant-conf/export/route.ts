import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { exportTenantConf } from "@/lib/scopes/tenant-conf";

/** The mapping as a tenant-conf.json fragment, downloaded as a file. */
export const GET = defineRoute({ feature: "scopes.manage" }, async (_input, { principal }) => {
  const fragment = await exportTenantConf(db(), principal.tenantId);
  return new Response(`${JSON.stringify(fragment, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="tenant-conf.json"',
      "Cache-Control": "no-store",
    },
  });
});
