import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { assertHoldsAll } from "../authz/escalation.ts";
import type { Actor } from "../authz/principal.ts";
import { diffGrants } from "../permissions/diff.ts";
import { bumpRoleVersion } from "./bump-role-version.ts";
import { getRole } from "./get-role.ts";
import { assertRoleAction } from "../authz/role-rules.ts";
import { cleanPermissions, ZPermissionList, ZVersion } from "./role-input.ts";

export const ZSetRolePermissions = z.object({ id: ZFormId, version: ZVersion, permissions: ZPermissionList });
export type TSetRolePermissions = z.infer<typeof ZSetRolePermissions>;

/** Replaces a role's grants. Members feel the change on their next request. */
export async function setRolePermissions(
  client: Db,
  actor: Actor,
  input: TSetRolePermissions,
): Promise<{ added: string[]; removed: string[] }> {
  const tenantId = actor.tenantId;
  const permissions = cleanPermissions(actor, input.permissions);
  return client.$transaction(async (tx) => {
    const role = await getRole(tx, tenantId, input.id);
    assertRoleAction(actor, role, "permissions");
    assertHoldsAll(actor, permissions, "grant these permissions");
    const diff = diffGrants(role.grants, permissions);
    await bumpRoleVersion(tx, tenantId, role.id, input.version);
    await tx.roleGrant.deleteMany({ where: { roleId: role.id } });
    await tx.roleGrant.createMany({ data: permissions.map((permission) => ({ roleId: role.id, permission })) });
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "role.permissions_changed",
      target: { type: "role", id: role.id, name: role.qualified },
      before: { permissions: role.grants },
      after: { permissions, ...diff },
      ip: actor.ip,
    });
    return diff;
  });
}
