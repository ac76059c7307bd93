import { ZScimPatchOp, ZScimResourceQuery, ZScimSearchRequest, ZScimUserBody } from "@/lib/contracts/scim";
import { AppError } from "@/lib/errors";
import { byIdInput, listInput } from "@/lib/scim/handlers";
import { scimUserQuery, scimUsersQuery } from "@/lib/scim/queries";
import { deleteUserCommand } from "@/lib/users/commands";
import { deleteInput } from "@/lib/scim/writes";
import { scimPatchUserCommand, scimReplaceUserCommand } from "@/lib/scim/user-writes";
import type { ScimOne } from "@/lib/scim/queries";
import { version } from "@/lib/scim/resources";
import { resourceReply, SCIM_ROUTE, SCIM_SCOPES } from "@/lib/scim/route-options";
import { asScim, scimJson } from "@/lib/scim/scim-error";
import { commandRoute } from "@/lib/transport/command-route";

/** GET /scim2/Users/{id}: one user, with its ETag (W/"version"); If-None-Match answers 304. */
export const GET = asScim(
  commandRoute(scimUserQuery, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.usersView,
    query: ZScimResourceQuery,
    input: ({ params, query, request }) => scimUserQuery.input.parse(byIdInput((params as { id: string }).id, query, request, "user")),
    reply: (one, _input, { request }) => resourceReply(one, request),
  }),
);

/** POST /scim2/Users/.search (RFC 7644 3.4.3): the list's query in a SearchRequest body. */
export const POST = asScim(
  commandRoute(scimUsersQuery, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.usersList,
    body: ZScimSearchRequest,
    input: ({ params, body, request }) => {
      if ((params as { id: string }).id !== ".search")
        throw new AppError("NOT_FOUND", "Users are created by POST /scim2/Users (not built yet).");
      return scimUsersQuery.input.parse(listInput(body, request));
    },
    reply: (list) => scimJson(list),
  }),
);

/** DELETE /scim2/Users/{id}: Delete User (its rules and audit); If-Match, when sent, must name the current version. 204. */
export const DELETE = asScim(
  commandRoute(deleteUserCommand, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.usersDelete,
    input: async ({ params, request }, actor, client) => {
      const { id } = byIdInput((params as { id: string }).id, {}, request, "user");
      return deleteInput(client, actor, id, request.headers.get("if-match"));
    },
    reply: () => new Response(null, { status: 204 }),
  }),
);

const target = (id: string, request: Request) => {
  const { base, id: n } = byIdInput(id, {}, request, "user");
  return { base, id: n, ifMatch: request.headers.get("if-match") ?? undefined };
};
const updated = ({ resource, version: v }: ScimOne) => scimJson(resource, { headers: { etag: version(v) } });

/** PUT /scim2/Users/{id} (RFC 7644 3.5.1): replaces the mapped attributes, active and password; userName cannot change. 200 with the User. */
export const PUT = asScim(
  commandRoute(scimReplaceUserCommand, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.usersUpdate,
    body: ZScimUserBody,
    input: ({ params, body, request }) => ({ ...target((params as { id: string }).id, request), body }),
    reply: updated,
  }),
);

/** PATCH /scim2/Users/{id} (RFC 7644 3.5.2): the operations on the User as GET answers it, then written as PUT writes. */
export const PATCH = asScim(
  commandRoute(scimPatchUserCommand, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.usersUpdate,
    body: ZScimPatchOp,
    input: ({ params, body, request }) => ({ ...target((params as { id: string }).id, request), patch: body }),
    reply: updated,
  }),
);
