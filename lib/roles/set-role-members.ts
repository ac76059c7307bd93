import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { isSuperAdminAccount } from "../config/super-admin.ts";
import { bumpRoleVersion } from "./bump-role-version.ts";
import { getRole } from "./get-role.ts";
import { loadAssignableUsers } from "./role-members.ts";
import { addRoleMemberships, removeRoleMemberships } from "../user-stores/membership-writes.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import { assertRoleAction } from "../authz/role-rules.ts";
import { ZUserIdList, ZVersion } from "./role-input.ts";

export const ZSetRoleMembers = z.object({ id: ZFormId, version: ZVersion, add: ZUserIdList, remove: ZUserIdList });
export type TSetRoleMembers = z.infer<typeof ZSetRoleMembers>;

/** Adds and removes members of a role in one transaction. */
export async function setRoleMembers(client: Db, actor: Actor, input: TSetRoleMembers): Promise<{ added: number; removed: number }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const role = await getRole(tx, tenantId, input.id);
    assertRoleAction(actor, role, "assignUsers");
    const users = await tenantUserStore(tx, tenantId);
    const remove = await loadAssignableUsers(tx, users, tenantId, input.remove);
    if (role.kind === "admin" && remove.some((u) => isSuperAdminAccount(u))) {
      throw new AppError("FORBIDDEN", "The admin account cannot leave the admin role.");
    }
    const add = await loadAssignableUsers(tx, users, tenantId, input.add);
    await bumpRoleVersion(tx, tenantId, role.id, input.version);
    const removed = await removeRoleMemberships(
      tx,
      users,
      remove.map((u) => u.id),
      [role],
    );
    // Members already there, or added meanwhile by a user's roles or bulk assign, are skipped.
    const inserted = new Set(
      (
        await addRoleMemberships(
          tx,
          users,
          add.map((u) => ({ roleId: role.id, userId: u.id, role })),
        )
      ).map((m) => m.userId),
    );
    const fresh = add.filter((u) => inserted.has(u.id));
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "role.members_changed",
      target: { type: "role", id: role.id, name: role.qualified },
      after: {
        added: fresh.map((u) => u.name).slice(0, 50),
        removed: remove.map((u) => u.name).slice(0, 50),
        addedCount: fresh.length,
        removedCount: removed,
      },
      ip: actor.ip,
    });
    return { added: fresh.length, removed };
  });
}
