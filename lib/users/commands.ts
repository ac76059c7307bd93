import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { AppError } from "../errors.ts";
import { MAX_CLAIM_VALUE } from "../claims/profile-rules.ts";
import { ZFormId } from "../db/row-id.ts";
import { ZBulkAssignRole, ZBulkDelete } from "../contracts/authz.ts";
import { bulkAssignRole } from "./bulk-assign-role.ts";
import { bulkDeleteUsers } from "./bulk-delete-users.ts";
import { changeOwnPassword } from "./change-own-password.ts";
import { createUser } from "./create-user.ts";
import { deleteUser } from "./delete-user.ts";
import { getUser } from "./get-user.ts";
import { confirmed, ZConfiguredPassword } from "./password-policy.ts";
import { newUserInput, ownPasswordDiffers, ownPasswordInput, resetPasswordInput } from "./form-schemas.ts";
import { previewUserRoles } from "./preview-user-roles.ts";
import { resetUserPassword } from "./reset-user-password.ts";
import { setUserDisabled } from "./set-user-disabled.ts";
import { setUserRoles, ZSetUserRoles } from "./set-user-roles.ts";
import { unlockUser } from "./unlock-user.ts";
import { updateUserClaims, ZUpdateUserClaims } from "./update-user-claims.ts";

// Every operation on users, one command each (lib/authz/command.ts). Transports expose them
// through lib/transport/command-action.ts and command-route.ts.

const ACCOUNT_RULE =
  "The actor holds every permission the user holds; only the super admin deletes an admin or resets another admin's password.";

const ZNewUser = newUserInput(ZConfiguredPassword);
/** Add New User's form: the input and the password confirmation. */
export const ZNewUserForm = confirmed(ZNewUser, "password");

export const createUserCommand = defineCommand({
  feature: "users.create",
  input: ZNewUser,
  rule: "The actor may assign each initial role: it holds every permission the role carries.",
  run: createUser,
});

/**
 * Provisioning (SCIM's POST /Users): Add New User, where leaving the password out is allowed
 * (database stores only), with the profile's claims written in the same step.
 */
export const provisionUserCommand = defineCommand({
  feature: "users.create",
  input: ZNewUser.extend({
    password: ZConfiguredPassword.optional(),
    claims: z.record(z.string().max(255), z.string().max(MAX_CLAIM_VALUE)).optional(),
  }),
  rule: `${createUserCommand.rule} Without a password (database stores only) the account is unusable until an admin sets one, and must change it. Claims as SCIM writes them: users.profile, each a claim the tenant defines that is not read-only, valid.`,
  run: createUser,
});

export const deleteUserCommand = defineCommand({
  feature: "users.delete",
  input: z.object({ id: ZFormId, version: ZFormId }),
  rule: `Nobody deletes themselves. ${ACCOUNT_RULE}`,
  run: deleteUser,
});

const ZAccountRef = z.object({ id: ZFormId, version: ZFormId });
const STATE_RULE =
  "Gatehouse-side, for every store's users. The actor holds every permission the user holds; only the admin account changes itself";

export const disableUserCommand = defineCommand({
  feature: "users.accountState",
  input: ZAccountRef,
  rule: `Nobody disables themselves or the last enabled admin. ${STATE_RULE}. Ends every session and token of the user.`,
  run: (client, actor, input) => setUserDisabled(client, actor, { ...input, disabled: true }),
});

export const enableUserCommand = defineCommand({
  feature: "users.accountState",
  input: ZAccountRef,
  rule: `Only a disabled user. ${STATE_RULE}.`,
  run: (client, actor, input) => setUserDisabled(client, actor, { ...input, disabled: false }),
});

export const unlockUserCommand = defineCommand({
  feature: "users.accountState",
  input: ZAccountRef,
  rule: "Only a locked user. Gatehouse-side, for every store's users. The actor holds every permission the user holds.",
  run: unlockUser,
});

const ZResetPassword = resetPasswordInput(ZConfiguredPassword);
export const ZResetPasswordForm = confirmed(ZResetPassword, "password");

export const resetPasswordCommand = defineCommand({
  feature: "users.password",
  input: ZResetPassword,
  rule: ACCOUNT_RULE,
  run: resetUserPassword,
});

export const setUserRolesCommand = defineCommand({
  feature: "users.update",
  input: ZSetUserRoles,
  rule: "The actor holds every permission of each role it adds or removes.",
  run: setUserRoles,
});

export const previewUserRolesCommand = defineCommand({
  feature: "users.update",
  input: ZSetUserRoles,
  rule: "None: a preview reads the permissions the change would add or remove.",
  run: (client, actor, input) => previewUserRoles(client, actor.tenantId, input.id, input),
});

export const updateProfileCommand = defineCommand({
  feature: "users.profile",
  input: ZUpdateUserClaims,
  rule: ACCOUNT_RULE,
  run: updateUserClaims,
});

const ZOwnPassword = ownPasswordInput(ZConfiguredPassword);
export const ZOwnPasswordForm = confirmed(ZOwnPassword, "newPassword").refine(...ownPasswordDiffers);

export const changeOwnPasswordCommand = defineCommand({
  feature: "self",
  input: ZOwnPassword.refine(...ownPasswordDiffers),
  rule: "Only one's own account, proven by the current password.",
  run: (client, actor, input) => changeOwnPassword(client, actor, input, actor.ip),
});

export const bulkDeleteUsersCommand = defineCommand({
  feature: "users.delete",
  input: ZBulkDelete,
  rule: `Per user, as for one delete; users the actor may not delete are skipped with the reason.`,
  run: (client, actor, input, progress) => bulkDeleteUsers(client, actor, input.userIds, progress),
});

export const bulkAssignRoleCommand = defineCommand({
  feature: "users.update",
  input: ZBulkAssignRole,
  rule: "The actor holds every permission of the role; users it may not change are skipped with the reason.",
  run: (client, actor, input, progress) => bulkAssignRole(client, actor, input.roleId, input.userIds, progress),
});

/**
 * The MI's PATCH /users/{userId}: one's own password (the old one required, as in the MI), or
 * a reset of someone else's, which the account rule then decides as users.password.
 */
export const setPasswordCommand = defineCommand({
  feature: "self",
  input: z.object({ id: ZFormId, oldPassword: z.string().max(1024).optional(), newPassword: ZConfiguredPassword }),
  rule: `Own account: the old password. Another's: users.password and ${ACCOUNT_RULE}`,
  run: async (client, actor, input) => {
    const user = await getUser(client, actor.tenantId, input.id);
    if (user.id === actor.userId) {
      if (!input.oldPassword) throw new AppError("INVALID_INPUT", "oldPassword: Required to change your own password.");
      await changeOwnPassword(client, actor, { currentPassword: input.oldPassword, newPassword: input.newPassword }, actor.ip);
    } else {
      await resetUserPassword(client, actor, { id: user.id, version: user.version, password: input.newPassword, requireChange: false });
    }
    return { qualified: user.qualified };
  },
});
