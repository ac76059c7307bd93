import { z } from "zod";
import type { CommandInput } from "@/lib/authz/command";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { requireRole } from "@/lib/management/names";
import { requestedPage } from "@/lib/management/paging";
import { miListResponse, miRoleMembersQuery } from "@/lib/management/role-commands";
import { deleteRoleCommand } from "@/lib/roles/commands";
import { commandRoute } from "@/lib/transport/command-route";
import { ZRoleQuery, ZUserQuery } from "@/lib/contracts/management";

type Params = { role: string };
type Members = Awaited<ReturnType<typeof miRoleMembersQuery.run>>;

/**
 * MI: GET /roles/{role}: the role's users (Internal/everyone's members are not listed, as in
 * WSO2). Every member, streamed, unless `limit`/`cursor` ask for a page.
 */
export const GET = commandRoute<CommandInput<typeof miRoleMembersQuery>, Members, Params, z.ZodUndefined, typeof ZRoleQuery>(
  miRoleMembersQuery,
  {
    ...MGMT_ROUTE,
    query: ZRoleQuery,
    input: async ({ params, query }, principal, client) => ({
      id: (await requireRole(client, principal.tenantId, params.role, query.domain)).id,
      page: requestedPage(query),
    }),
    reply: ({ role, list }, _input, { request }) => miListResponse(request, list, (u) => u.qualified, { head: { role }, listKey: "users" }),
  },
);

/** MI: DELETE /roles/{role}. The admin role, Internal/everyone, read-only roles and external stores' groups cannot be deleted. */
export const DELETE = commandRoute<
  CommandInput<typeof deleteRoleCommand>,
  { qualified: string },
  Params,
  z.ZodUndefined,
  typeof ZUserQuery
>(deleteRoleCommand, {
  ...MGMT_ROUTE,
  query: ZUserQuery,
  input: async ({ params, query }, principal, client) => {
    const ref = await requireRole(client, principal.tenantId, params.role, query.domain);
    return { id: ref.id, version: ref.version };
  },
  reply: ({ qualified }) => ({ role: qualified, status: "Deleted" }),
});
