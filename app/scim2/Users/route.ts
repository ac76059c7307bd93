import { ZScimListQuery, ZScimUserBody } from "@/lib/contracts/scim";
import { scimBase } from "@/lib/scim/route-options";
import { loadScimDialect } from "@/lib/scim/dialect";
import { newUserFromBody } from "@/lib/scim/user-body";
import { scimCreateUserCommand } from "@/lib/scim/writes";
import { listInput } from "@/lib/scim/handlers";
import { scimUsersQuery } from "@/lib/scim/queries";
import { createdReply, SCIM_ROUTE, SCIM_SCOPES } from "@/lib/scim/route-options";
import { asScim, scimJson } from "@/lib/scim/scim-error";
import { commandRoute } from "@/lib/transport/command-route";

/** GET /scim2/Users: filter, sortBy/sortOrder, startIndex/count, attributes/excludedAttributes (RFC 7644 3.4.2). */
export const GET = asScim(
  commandRoute(scimUsersQuery, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.usersList,
    query: ZScimListQuery,
    input: ({ query, request }) => scimUsersQuery.input.parse(listInput(query, request)),
    reply: (list) => scimJson(list),
  }),
);

/** POST /scim2/Users: Add New User (no initial roles), then the profile claims the body maps to; 201 with the User. */
export const POST = asScim(
  commandRoute(scimCreateUserCommand, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.usersCreate,
    body: ZScimUserBody,
    input: async ({ body, request }, actor, client) => ({
      base: scimBase(request),
      user: newUserFromBody(body, await loadScimDialect(client, actor.tenantId)),
    }),
    reply: createdReply,
  }),
);
