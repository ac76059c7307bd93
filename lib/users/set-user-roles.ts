import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import { formList } from "../forms.ts";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { getRoles } from "../roles/get-role.ts";
import { assertRoleRule } from "../authz/role-rules.ts";
import { addRoleMemberships, removeRoleMemberships } from "../user-stores/membership-writes.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import { getUser } from "./get-user.ts";
import { isSuperAdminAccount } from "../config/super-admin.ts";
import { assertUserAction } from "../authz/user-rules.ts";

const ZRoleIds = formList(ZFormId, 500);
export const ZSetUserRoles = z.object({ id: ZFormId, version: ZFormId, add: ZRoleIds, remove: ZRoleIds });
export type TSetUserRoles = z.infer<typeof ZSetUserRoles>;

/**
 * Assign Roles: adds and removes roles of one user. Each role must be one the actor may
 * manage, so nobody hands out (or takes away) permissions beyond their own.
 *
 * With `version` (the console's editor, which saved what it previewed) a stale view is refused.
 * Without it (PUT /management/roles, which names what to add and remove) the edit applies to
 * the user's roles as they are when it runs, so two such edits never conflict.
 */
export async function setUserRoles(
  client: Db,
  actor: Actor,
  input: Omit<TSetUserRoles, "version"> & { version?: number },
): Promise<{ added: string[]; removed: string[] }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const users = await tenantUserStore(tx, tenantId);
    await users.lockUser(tx, tenantId, input.id, input.version);
    const user = await getUser(tx, tenantId, input.id);
    assertUserAction(actor, user, "roles");
    const current = new Set(user.roles.map((r) => r.id));
    // One query each, and none concurrent on the transaction's connection.
    const add = await getRoles(
      tx,
      tenantId,
      [...new Set(input.add)].filter((id) => !current.has(id)),
    );
    const remove = await getRoles(
      tx,
      tenantId,
      [...new Set(input.remove)].filter((id) => current.has(id)),
    );
    for (const role of [...add, ...remove]) assertRoleRule(actor, role, "assignUsers");
    if (remove.some((r) => r.kind === "admin") && isSuperAdminAccount(user))
      throw new AppError("FORBIDDEN", "The admin account cannot leave the admin role.");
    await removeRoleMemberships(tx, users, [user.id], remove);
    // A role's members or bulk assign may have added one of these meanwhile: it is not reported twice.
    const inserted = new Set(
      (
        await addRoleMemberships(
          tx,
          users,
          add.map((r) => ({ userId: user.id, roleId: r.id, role: r })),
        )
      ).map((m) => m.roleId),
    );
    const result = { added: add.filter((r) => inserted.has(r.id)).map((r) => r.qualified), removed: remove.map((r) => r.qualified) };
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "user.roles_changed",
      target: { type: "user", id: user.id, name: user.qualified },
      before: { roles: user.roles.map((r) => r.qualified) },
      after: result,
      ip: actor.ip,
    });
    return result;
  });
}
