import { ZOwnerPutModel } from "@/lib/contracts/tenants";
import { firstIssue } from "@/lib/core/zod-issues";
import { AppError } from "@/lib/errors";
import { updateTenantContactCommand } from "@/lib/tenants/commands";
import { tenantIdParam } from "@/lib/tenants/rest";
import { TENANT_ROUTE, TENANT_SCOPES } from "../../../route-options";
import { commandRoute } from "@/lib/transport/command-route";

type Contact = { id: number; firstName: string; lastName: string; email: string };

/**
 * Update the owner's contact details: the tenant's Add New Tenant contact. The owner id is not
 * checked against the tenant's owners (every owner shares the one contact), and a password in
 * the body is not taken: the owner changes it after signing in.
 */
export const PUT = commandRoute<Contact, unknown, { tenantId: string; ownerId: string }, typeof ZOwnerPutModel>(
  updateTenantContactCommand,
  {
    ...TENANT_ROUTE,
    scope: TENANT_SCOPES.modify,
    body: ZOwnerPutModel,
    input: ({ params, body }) => {
      const parsed = updateTenantContactCommand.input.safeParse({
        id: tenantIdParam(params.tenantId),
        firstName: body.firstname,
        lastName: body.lastname,
        email: body.email,
      });
      if (!parsed.success) throw new AppError("INVALID_INPUT", firstIssue(parsed.error).message);
      return parsed.data;
    },
    reply: () => new Response(null, { status: 200 }),
  },
);
