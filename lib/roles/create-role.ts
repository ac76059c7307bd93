import { z } from "zod";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { recordAudit } from "../audit/record.ts";
import { assertHoldsAll } from "../authz/escalation.ts";
import type { Actor, Principal } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { qualifiedName } from "../core/domains.ts";
import { assertWritable, findStore } from "../stores/list-stores.ts";
import { assertRoleNameDistinct, roleNameColumns } from "../stores/look-alike.ts";
import { cleanPermissions, cleanRoleName, ZPermissionList, ZUserIdList } from "./role-input.ts";
import { loadAssignableUsers } from "./role-members.ts";
import { addRoleMemberships } from "../user-stores/membership-writes.ts";
import { addMemberships } from "../user-stores/hybrid-memberships.ts";
import { createDirectoryGroup, externalStoreOf } from "../user-stores/external/external-groups.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";

export const ZCreateRole = z.object({
  domain: z.string().min(1).max(64),
  name: z.string().max(1024),
  permissions: ZPermissionList,
  userIds: ZUserIdList,
});
export type TCreateRole = z.infer<typeof ZCreateRole>;

export const ZNewRoleName = ZCreateRole.pick({ domain: true, name: true });
export type TNewRoleName = z.infer<typeof ZNewRoleName>;

/**
 * The new role's store and cleaned name, or the refusal Finish would give: the store is
 * writable and Gatehouse's own, the name follows its rules and looks like no existing role.
 * The wizard's Next asks the same, so a bad name is refused on the step that holds it.
 */
export async function checkNewRoleName(client: Db, actor: Principal, input: TNewRoleName) {
  const store = await findStore(client, actor.tenantId, input.domain);
  assertWritable(store);
  const name = cleanRoleName(store, input.name);
  await assertRoleNameDistinct(client, actor.tenantId, store, name);
  return { store, name, qualified: qualifiedName(store.domain, name) };
}

/** The Add New Role wizard's Finish: the role, its permissions and its first members, all at once or not at all. */
export async function createRole(client: Db, actor: Actor, input: TCreateRole): Promise<{ id: number; qualified: string }> {
  const principal = actor;
  const tenantId = principal.tenantId;
  const { store, name, qualified } = await checkNewRoleName(client, actor, input);
  const permissions = cleanPermissions(actor, input.permissions);
  assertHoldsAll(principal, permissions, "grant these permissions");

  return client.$transaction(async (tx) => {
    const userStore = await tenantUserStore(tx, tenantId);
    const users = await loadAssignableUsers(tx, userStore, tenantId, input.userIds);
    // A read-write LDAP or JDBC store's group is made in its directory first, with its members (docs/user-stores.md, Groups).
    const external = await externalStoreOf(tx, tenantId, store);
    const group = external
      ? await createDirectoryGroup(
          tx,
          external,
          name,
          users.map((u) => u.id),
        )
      : {};
    const role = await tx.role
      .create({
        data: {
          tenantId,
          storeId: store.id,
          ...roleNameColumns(name),
          ...group,
          grants: { create: permissions.map((permission) => ({ permission })) },
        },
      })
      .catch((error: unknown) => {
        // assertRoleNameDistinct passed, but a concurrent create of the same name committed first.
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", `A role named ${qualified} already exists.`, { field: "name" });
        throw error;
      });
    // The members go where the user store keeps them (Gatehouse's rows for hybrid roles and the database store);
    // the directory already holds an external group's, so only its mirror rows are written.
    const pairs = users.map((u) => ({ userId: u.id, roleId: role.id, role: store }));
    await (
      external
        ? addMemberships(
            tx,
            pairs.map(({ userId, roleId }) => ({ userId, roleId })),
          )
        : addRoleMemberships(tx, userStore, pairs)
    ).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") {
        throw new AppError("NOT_FOUND", "A selected user was deleted meanwhile. Reload and try again.");
      }
      throw error;
    });
    await recordAudit(tx, {
      tenantId,
      actor: { id: principal.userId, name: principal.displayName },
      action: "role.created",
      target: { type: "role", id: role.id, name: qualified },
      after: { permissions, members: users.length, firstMembers: users.slice(0, 20).map((u) => u.name) },
      ip: actor.ip,
    });
    return { id: role.id, qualified };
  });
}
