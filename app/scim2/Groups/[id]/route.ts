import { ZScimGroupBody, ZScimPatchOp, ZScimResourceQuery, ZScimSearchRequest } from "@/lib/contracts/scim";
import { AppError } from "@/lib/errors";
import { scimDeleteGroupCommand, scimPatchGroupCommand, scimReplaceGroupCommand } from "@/lib/scim/group-writes";
import { byIdInput, listInput } from "@/lib/scim/handlers";
import { scimGroupQuery, scimGroupsQuery } from "@/lib/scim/queries";
import { version } from "@/lib/scim/resources";
import type { ScimOne } from "@/lib/scim/queries";
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
      if ((params as { id: string }).id !== ".search") throw new AppError("NOT_FOUND", "Groups are created by POST /scim2/Groups.");
      return scimGroupsQuery.input.parse(listInput(body, request));
    },
    reply: (list) => scimJson(list),
  }),
);

/** The path's group id and If-Match, as every write on one group takes them. */
function target({ params, request }: { params: unknown; request: Request }) {
  const { base, id } = byIdInput((params as { id: string }).id, {}, request, "group");
  return { base, id, ifMatch: request.headers.get("if-match") };
}
const updated = ({ resource, version: v }: ScimOne) => scimJson(resource, { headers: { etag: version(v) } });

/** PUT /scim2/Groups/{id}: Rename Role and the member list replaced by the body's; If-Match must be current. */
export const PUT = asScim(
  commandRoute(scimReplaceGroupCommand, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.groupsUpdate,
    body: ZScimGroupBody,
    input: (request) => ({ ...target(request), body: request.body }),
    reply: updated,
  }),
);

/** PATCH /scim2/Groups/{id} (RFC 7644 3.5.2): members added and removed by id, displayName renamed. */
export const PATCH = asScim(
  commandRoute(scimPatchGroupCommand, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.groupsUpdate,
    body: ZScimPatchOp,
    input: (request) => ({ ...target(request), patch: request.body }),
    reply: updated,
  }),
);

/** DELETE /scim2/Groups/{id}: Delete Role (its rules and audit); If-Match must be current. 204. */
export const DELETE = asScim(
  commandRoute(scimDeleteGroupCommand, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.groupsDelete,
    input: (request) => {
      const { id, ifMatch } = target(request);
      return { id, ifMatch };
    },
    reply: () => new Response(null, { status: 204 }),
  }),
);
