import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import { getUser } from "./get-user.ts";
import { assertUserAction } from "../authz/user-rules.ts";
import { deleteOwnedClientRoles } from "../roles/delete-owned-client-roles.ts";

export type TDeleteUser = { id: number; version: number };

/** Deletes one user; memberships, claims and sessions go with the row, so their sessions end at once. */
export async function deleteUser(client: Db, actor: Actor, input: TDeleteUser): Promise<{ qualified: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const users = await tenantUserStore(tx, tenantId);
    const user = await getUser(tx, tenantId, input.id);
    assertUserAction(actor, user, "delete");
    await users.updateUser(tx, tenantId, user.id, { version: input.version });
    await deleteOwnedClientRoles(tx, tenantId, [user.id]);
    await users.deleteUsers(tx, tenantId, [user.id]);
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "user.deleted",
      target: { type: "user", id: user.id, name: user.qualified },
      before: { roles: user.roles.map((r) => r.qualified), claims: user.claims },
      ip: actor.ip,
    });
    return { qualified: user.qualified };
  });
}
