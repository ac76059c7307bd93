import { ZScimListQuery } from "@/lib/contracts/scim";
import { listInput } from "@/lib/scim/handlers";
import { scimUsersQuery } from "@/lib/scim/queries";
import { SCIM_ROUTE, SCIM_SCOPES } from "@/lib/scim/route-options";
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
