import { deleteTenantCommand } from "@/lib/tenants/commands";
import { tenantIdParam } from "@/lib/tenants/rest";
import { TENANT_ROUTE, TENANT_SCOPES } from "../../route-options";
import { commandRoute } from "@/lib/transport/command-route";

/** Delete the tenant and everything of it (only a deactivated one; 409 otherwise). */
export const DELETE = commandRoute<{ id: number }, unknown, { tenantId: string }>(deleteTenantCommand, {
  ...TENANT_ROUTE,
  scope: TENANT_SCOPES.modify,
  input: ({ params }) => ({ id: tenantIdParam(params.tenantId) }),
  reply: () => new Response(null, { status: 204 }),
});
