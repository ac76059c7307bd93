import { MGMT_ROUTE } from "@/lib/management/errors";
import { pagedResponse, requestedPage } from "@/lib/management/paging";
import { miUsersQuery } from "@/lib/management/queries";
import { adminRoleId } from "@/lib/roles/get-role";
import { createUserCommand } from "@/lib/users/commands";
import { commandRoute } from "@/lib/transport/command-route";
import { ZConfiguredPassword } from "@/lib/users/password-policy";
import { ZNewUser, ZUserListQuery } from "@/lib/contracts/management";

/** MI: GET /users (lib/management/queries.ts): the whole list streamed, or one keyset page with `limit` or `cursor`. */
export const GET = commandRoute(miUsersQuery, {
  ...MGMT_ROUTE,
  query: ZUserListQuery,
  input: ({ query }) => ({ ...query, detail: query.detail === "true", page: requestedPage(query) }),
  reply: (result, _input, { request }) => (result instanceof Response ? result : pagedResponse(request, result, (u) => u)),
});

// The configured policy is checked here, with the body, so the MI's error names the field as sent.
const ZBody = ZNewUser.extend({ password: ZNewUser.shape.password.pipe(ZConfiguredPassword) });

/** MI: POST /users. isAdmin puts the user in the admin role, which only its holders may hand out. */
export const POST = commandRoute(createUserCommand, {
  ...MGMT_ROUTE,
  body: ZBody,
  input: async ({ body }, principal, client) => {
    const admin = body.isAdmin ? await adminRoleId(client, principal.tenantId) : null;
    return { domain: body.domain ?? "PRIMARY", username: body.userId, password: body.password, roleIds: admin ? [admin] : [] };
  },
  // 200, not 201: apictl and MI scripts check for 200.
  reply: ({ qualified }) => ({ userId: qualified, status: "Added" }),
});
