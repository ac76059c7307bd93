import { z } from "zod";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { ZDomain, ZIsAdmin } from "@/lib/management/input";
import { pagedResponse, requestedPage, ZPaging } from "@/lib/management/paging";
import { miUsersQuery } from "@/lib/management/queries";
import { adminRoleId } from "@/lib/roles/get-role";
import { createUserCommand } from "@/lib/users/commands";
import { commandRoute } from "@/lib/transport/command-route";
import { ZConfiguredPassword } from "@/lib/users/password-policy";

// Unknown parameters and fields are ignored, as the MI ignores them (z.object strips them).
const ZQuery = z.object({
  pattern: z.string().max(256).optional(),
  searchKey: z.string().max(256).optional(),
  role: z.string().max(1024).optional(),
  domain: ZDomain,
  ...ZPaging,
});

/** MI: GET /users (lib/management/queries.ts): the whole list streamed, or one keyset page with `limit` or `cursor`. */
export const GET = commandRoute(miUsersQuery, {
  ...MGMT_ROUTE,
  query: ZQuery,
  input: ({ query }) => ({ ...query, page: requestedPage(query) }),
  reply: (result, _input, { request }) => (result instanceof Response ? result : pagedResponse(request, result, (u) => u)),
});

const ZBody = z.object({
  userId: z.string().min(1).max(1024),
  // The policy is checked here, with the body, so the MI's error names the field as sent.
  password: z.string().min(1).max(1024).pipe(ZConfiguredPassword),
  isAdmin: ZIsAdmin,
  domain: ZDomain,
});

/** MI: POST /users. isAdmin puts the user in the admin role, which only its holders may hand out. */
export const POST = commandRoute(createUserCommand, {
  ...MGMT_ROUTE,
  body: ZBody,
  input: async ({ body }, { principal }, client) => {
    const admin = body.isAdmin ? await adminRoleId(client, principal.tenantId) : null;
    return { domain: body.domain ?? "PRIMARY", username: body.userId, password: body.password, roleIds: admin ? [admin] : [] };
  },
  // 200, not 201: apictl and MI scripts check for 200.
  reply: ({ qualified }) => ({ userId: qualified, status: "Added" }),
});
