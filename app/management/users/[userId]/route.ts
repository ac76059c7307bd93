import { z } from "zod";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { findUserId } from "@/lib/management/names";
import { miUserQuery } from "@/lib/management/queries";
import { getUser } from "@/lib/users/get-user";
import { ZConfiguredPassword } from "@/lib/users/password-policy";
import { deleteUserCommand, setPasswordCommand } from "@/lib/users/commands";
import type { CommandInput } from "@/lib/authz/command";
import { commandRoute } from "@/lib/transport/command-route";
import { ZPasswordChange, ZUserQuery } from "@/lib/contracts/management";

type Params = { userId: string };

/** MI: GET /users/{userId}: whether the user is an admin, and their roles (Internal/everyone included, as the MI lists it). */
export const GET = commandRoute<CommandInput<typeof miUserQuery>, unknown, Params, z.ZodUndefined, typeof ZUserQuery>(miUserQuery, {
  ...MGMT_ROUTE,
  query: ZUserQuery,
  input: ({ params, query }) => ({ userId: params.userId, domain: query.domain }),
  reply: (result) => result,
});

// The policy is checked with the body, so the MI's error names the field as sent.
const ZPassword = ZPasswordChange.extend({ newPassword: ZPasswordChange.shape.newPassword.pipe(ZConfiguredPassword) }).refine(
  (b) => b.newPassword === b.confirmPassword,
  { path: ["confirmPassword"], message: "The passwords do not match." },
);

/**
 * MI: PATCH /users/{userId}. On one's own account the old password is required, as in the MI;
 * on another's it is a reset, which needs users.password (and, for an admin's account, the
 * super admin) and ends that user's sessions. The route itself asks only for a signed-in user,
 * so users without any permission, and the admin still on the default password, can change their own.
 */
export const PATCH = commandRoute<
  CommandInput<typeof setPasswordCommand>,
  { qualified: string },
  Params,
  typeof ZPassword,
  typeof ZUserQuery
>(setPasswordCommand, {
  ...MGMT_ROUTE,
  query: ZUserQuery,
  body: ZPassword,
  input: async ({ params, query, body }, principal, client) => ({
    id: await findUserId(client, principal.tenantId, params.userId, query.domain),
    oldPassword: body.oldPassword,
    newPassword: body.newPassword,
  }),
  reply: ({ qualified }) => ({ userId: qualified, status: "Password updated" }),
});

/** MI: DELETE /users/{userId}. Nobody deletes themselves; only the super admin deletes an admin. */
export const DELETE = commandRoute<
  CommandInput<typeof deleteUserCommand>,
  { qualified: string },
  Params,
  z.ZodUndefined,
  typeof ZUserQuery
>(deleteUserCommand, {
  ...MGMT_ROUTE,
  query: ZUserQuery,
  input: async ({ params, query }, principal, client) => {
    const user = await getUser(client, principal.tenantId, await findUserId(client, principal.tenantId, params.userId, query.domain));
    return { id: user.id, version: user.version };
  },
  reply: ({ qualified }) => ({ userId: qualified, status: "Deleted" }),
});
