import { z } from "zod";
import { defineRoute } from "@/lib/transport/route";
import { getConfig } from "@/lib/config/current";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { findUserId, rolesAsMiLists } from "@/lib/management/names";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { deleteUser } from "@/lib/users/delete-user";
import { getUser } from "@/lib/users/get-user";
import { passwordSchema } from "@/lib/users/password-policy";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { firstIssue } from "@/lib/core/zod-issues";
import { ZPasswordChange, ZUserQuery } from "@/lib/contracts/management";

type Params = { userId: string };

/** MI: GET /users/{userId}: whether the user is an admin, and their roles (Internal/everyone included, as the MI lists it). */
export const GET = defineRoute<Params, z.ZodUndefined, typeof ZUserQuery>(
  { ...MGMT_ROUTE, feature: "users.list", query: ZUserQuery },
  async ({ params, query }, { principal }) => {
    const user = await getUser(db(), principal.tenantId, await findUserId(db(), principal.tenantId, params.userId, query.domain));
    return {
      userId: user.qualified,
      isAdmin: user.isAdminMember,
      roles: await rolesAsMiLists(
        db(),
        principal.tenantId,
        user.roles.map((r) => r.qualified),
      ),
    };
  },
);

/**
 * MI: PATCH /users/{userId}. On one's own account the old password is required, as in the MI;
 * on another's it is a reset, which needs users.password (and, for an admin's account, the
 * super admin) and ends that user's sessions. The route itself asks only for a signed-in user,
 * so users without any permission, and the admin still on the default password, can change their own.
 */
export const PATCH = defineRoute<Params, typeof ZPasswordChange, typeof ZUserQuery>(
  { ...MGMT_ROUTE, feature: "self", query: ZUserQuery, body: ZPasswordChange },
  async ({ params, query, body }, actor) => {
    const { principal } = actor;
    if (body.newPassword !== body.confirmPassword) throw new AppError("INVALID_INPUT", "confirmPassword: The passwords do not match.");
    const policy = passwordSchema(getConfig().password_policy).safeParse(body.newPassword);
    if (!policy.success) throw new AppError("INVALID_INPUT", `newPassword: ${firstIssue(policy.error).message}`);
    const user = await getUser(db(), principal.tenantId, await findUserId(db(), principal.tenantId, params.userId, query.domain));
    if (user.id === principal.userId) {
      if (!body.oldPassword) throw new AppError("INVALID_INPUT", "oldPassword: Required to change your own password.");
      await changeOwnPassword(db(), principal, { currentPassword: body.oldPassword, newPassword: body.newPassword }, actor.ip);
    } else {
      await resetUserPassword(db(), actor, {
        id: user.id,
        version: user.version,
        password: body.newPassword,
        confirmPassword: body.confirmPassword,
        requireChange: false,
      });
    }
    return { userId: user.qualified, status: "Password updated" };
  },
);

/** MI: DELETE /users/{userId}. Nobody deletes themselves; only the super admin deletes an admin. */
export const DELETE = defineRoute<Params, z.ZodUndefined, typeof ZUserQuery>(
  { ...MGMT_ROUTE, feature: "users.delete", query: ZUserQuery },
  async ({ params, query }, actor) => {
    const tenantId = actor.principal.tenantId;
    const user = await getUser(db(), tenantId, await findUserId(db(), tenantId, params.userId, query.domain));
    const deleted = await deleteUser(db(), actor, { id: user.id, version: user.version });
    return { userId: deleted.qualified, status: "Deleted" };
  },
);
