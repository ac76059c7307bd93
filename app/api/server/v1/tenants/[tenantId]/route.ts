import { deleteTenantCommand } from "@/lib/tenants/commands";
import { tenantQuery } from "@/lib/tenants/queries";
import { tenantIdParam, tenantModel } from "@/lib/tenants/rest";
import { TENANT_ROUTE, TENANT_SCOPES } from "../route-options";
import { commandRoute } from "@/lib/transport/command-route";

type Params = { tenantId: string };

export const GET = commandRoute<{ id: number }, Awaited<ReturnType<typeof tenantQuery.run>>, Params>(tenantQuery, {
  ...TENANT_ROUTE,
  scope: TENANT_SCOPES.list,
  input: ({ params }) => ({ id: tenantIdParam(params.tenantId) }),
  reply: tenantModel,
});

/** The older form of DELETE …/metadata, which WSO2 IS 5.11 documents: the same deletion. */
export const DELETE = commandRoute<{ id: number }, unknown, Params>(deleteTenantCommand, {
  ...TENANT_ROUTE,
  scope: TENANT_SCOPES.modify,
  input: ({ params }) => ({ id: tenantIdParam(params.tenantId) }),
  reply: () => new Response(null, { status: 204 }),
});
