import { ZScimListQuery } from "@/lib/contracts/scim";
import { listInput } from "@/lib/scim/handlers";
import { scimGroupsQuery } from "@/lib/scim/queries";
import { SCIM_ROUTE, SCIM_SCOPES } from "@/lib/scim/route-options";
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
