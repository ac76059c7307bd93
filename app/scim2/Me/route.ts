import { ZScimResourceQuery } from "@/lib/contracts/scim";
import { scimMeQuery } from "@/lib/scim/queries";
import { resourceReply, scimBase, SCIM_ROUTE, SCIM_SCOPES } from "@/lib/scim/route-options";
import { asScim } from "@/lib/scim/scim-error";
import { commandRoute } from "@/lib/transport/command-route";

/** GET /scim2/Me (RFC 7644 3.11): the caller's own User resource. */
export const GET = asScim(
  commandRoute(scimMeQuery, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.me,
    query: ZScimResourceQuery,
    input: ({ query, request }) =>
      scimMeQuery.input.parse({ base: scimBase(request), attributes: query.attributes, excludedAttributes: query.excludedAttributes }),
    reply: (one, _input, { request }) => resourceReply(one, request),
  }),
);
