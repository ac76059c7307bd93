import { tenantQuery } from "@/lib/tenants/queries";
import { tenantIdParam, tenantModel } from "@/lib/tenants/rest";
import { TENANT_ROUTE, TENANT_SCOPES } from "../../route-options";
import { commandRoute } from "@/lib/transport/command-route";

/** The tenant's owners: the members of its admin role. */
export const GET = commandRoute<{ id: number }, Awaited<ReturnType<typeof tenantQuery.run>>, { tenantId: string }>(tenantQuery, {
  ...TENANT_ROUTE,
  scope: TENANT_SCOPES.list,
  input: ({ params }) => ({ id: tenantIdParam(params.tenantId) }),
  reply: (tenant) => tenantModel(tenant).owners,
});
