import { ZScimResourceQuery, ZScimSearchRequest } from "@/lib/contracts/scim";
import { AppError } from "@/lib/errors";
import { byIdInput, listInput } from "@/lib/scim/handlers";
import { scimGroupQuery, scimGroupsQuery } from "@/lib/scim/queries";
import { resourceReply, SCIM_ROUTE, SCIM_SCOPES } from "@/lib/scim/route-options";
import { asScim, scimJson } from "@/lib/scim/scim-error";
import { commandRoute } from "@/lib/transport/command-route";

/** GET /scim2/Groups/{id}: one role, with its ETag; If-None-Match answers 304. */
export const GET = asScim(
  commandRoute(scimGroupQuery, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.groupsView,
    query: ZScimResourceQuery,
    input: ({ params, query, request }) => scimGroupQuery.input.parse(byIdInput((params as { id: string }).id, query, request, "group")),
    reply: (one, _input, { request }) => resourceReply(one, request),
  }),
);

/** POST /scim2/Groups/.search (RFC 7644 3.4.3). */
export const POST = asScim(
  commandRoute(scimGroupsQuery, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.groupsList,
    body: ZScimSearchRequest,
    input: ({ params, body, request }) => {
      if ((params as { id: string }).id !== ".search")
        throw new AppError("NOT_FOUND", "Groups are created by POST /scim2/Groups (not built yet).");
      return scimGroupsQuery.input.parse(listInput(body, request));
    },
    reply: (list) => scimJson(list),
  }),
);
