import { ZTenantListQuery, ZTenantModel } from "@/lib/contracts/tenants";
import { firstIssue } from "@/lib/core/zod-issues";
import { AppError } from "@/lib/errors";
import { createTenantCommand } from "@/lib/tenants/commands";
import { tenantsQuery } from "@/lib/tenants/queries";
import { TENANTS_PATH, tenantList } from "@/lib/tenants/rest";
import { TENANT_ROUTE, TENANT_SCOPES } from "./route-options";
import { commandRoute } from "@/lib/transport/command-route";

/** Retrieve all tenants: limit/offset, by domain. */
export const GET = commandRoute(tenantsQuery, {
  ...TENANT_ROUTE,
  scope: TENANT_SCOPES.list,
  query: ZTenantListQuery,
  input: ({ query }) => {
    if (query.filter !== undefined) throw new AppError("INVALID_INPUT", "filter is not supported; page with limit and offset.");
    return tenantsQuery.input.parse({ limit: query.limit ?? 25, offset: query.offset ?? 0 });
  },
  reply: tenantList,
});

/** Add tenant: WSO2's TenantModel with one inline-password owner, who becomes the tenant's admin. */
export const POST = commandRoute(createTenantCommand, {
  ...TENANT_ROUTE,
  scope: TENANT_SCOPES.modify,
  body: ZTenantModel,
  input: ({ body }) => {
    const [owner] = body.owners;
    const form = { domain: body.domain, adminUsername: owner!.username, password: owner!.password };
    const contact = { firstName: owner!.firstname, lastName: owner!.lastname, email: owner!.email };
    const parsed = createTenantCommand.input.safeParse({ ...form, ...contact });
    if (!parsed.success) throw new AppError("INVALID_INPUT", firstIssue(parsed.error).message);
    return parsed.data;
  },
  reply: (created) => new Response(null, { status: 201, headers: { location: `${TENANTS_PATH}/${created.id}` } }),
});
