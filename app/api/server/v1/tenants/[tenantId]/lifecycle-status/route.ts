import { ZTenantPutModel } from "@/lib/contracts/tenants";
import { setTenantActiveCommand } from "@/lib/tenants/commands";
import { TENANTS_PATH, tenantIdParam } from "@/lib/tenants/rest";
import { TENANT_ROUTE, TENANT_SCOPES } from "../../route-options";
import { commandRoute } from "@/lib/transport/command-route";

/** Activate or deactivate the tenant; deactivating ends its users' sessions and tokens. */
export const PUT = commandRoute<{ id: number; active: boolean }, { id: number }, { tenantId: string }, typeof ZTenantPutModel>(
  setTenantActiveCommand,
  {
    ...TENANT_ROUTE,
    scope: TENANT_SCOPES.modify,
    body: ZTenantPutModel,
    input: ({ params, body }) => ({ id: tenantIdParam(params.tenantId), active: body.activated }),
    reply: (result) => new Response(null, { status: 200, headers: { location: `${TENANTS_PATH}/${result.id}` } }),
  },
);
