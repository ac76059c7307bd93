import { ZScimGroupBody, ZScimListQuery } from "@/lib/contracts/scim";
import { scimCreateGroupCommand } from "@/lib/scim/group-writes";
import { listInput } from "@/lib/scim/handlers";
import { scimGroupsQuery } from "@/lib/scim/queries";
import { createdReply, scimBase, SCIM_ROUTE, SCIM_SCOPES } from "@/lib/scim/route-options";
import { asScim, scimJson } from "@/lib/scim/scim-error";
import { commandRoute } from "@/lib/transport/command-route";

/** GET /scim2/Groups: the tenant's roles as SCIM groups, members being users. */
export const GET = asScim(
  commandRoute(scimGroupsQuery, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.groupsList,
    query: ZScimListQuery,
    input: ({ query, request }) => scimGroupsQuery.input.parse(listInput(query, request)),
    reply: (list) => scimJson(list),
  }),
);

/** POST /scim2/Groups: Add New Role (DOMAIN/name picks the store; no permissions) with its members; 201 with the Group. */
export const POST = asScim(
  commandRoute(scimCreateGroupCommand, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.groupsCreate,
    body: ZScimGroupBody,
    input: ({ body, request }) => ({ base: scimBase(request), body }),
    reply: createdReply,
  }),
);
