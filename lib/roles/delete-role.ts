import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { bumpMappingVersion, lockMappingVersion, MAPPING_WRITE_TX } from "./mapping-version.ts";
import { bumpRoleVersion } from "./bump-role-version.ts";
import { getRole } from "./get-role.ts";
import { assertRoleAction } from "../authz/role-rules.ts";
import { ZVersion } from "./role-input.ts";
import { deleteDirectoryGroup, directoryGroupOf } from "../user-stores/external/external-groups.ts";

export const ZDeleteRole = z.object({ id: ZFormId, version: ZVersion });
export type TDeleteRole = z.infer<typeof ZDeleteRole>;

/** Deletes a role; its memberships, grants, scope mappings and aliases go with it. */
export async function deleteRole(client: Db, actor: Actor, input: TDeleteRole): Promise<{ qualified: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const role = await getRole(tx, tenantId, input.id);
    assertRoleAction(actor, role, "delete");
    await bumpRoleVersion(tx, tenantId, role.id, input.version);
    // Its scope mappings and aliases go with it, so an open matrix or import preview is now stale.
    // Locked before counting: a mapping write naming this role either committed first (and is
    // counted here) or waits and then finds the role gone, instead of failing on the foreign key.
    // Sequential: a transaction has one connection, and pg refuses overlapping queries on it.
    const mappingVersion = await lockMappingVersion(tx, tenantId);
    const onScope = await tx.scopeRole.count({ where: { roleId: role.id } });
    const inAlias = await tx.roleAlias.count({ where: { OR: [{ roleId: role.id }, { aliasRoleId: role.id }] } });
    if (onScope + inAlias > 0) await bumpMappingVersion(tx, tenantId, mappingVersion);
    // A read-write external store's group goes from its directory first (docs/user-stores.md, Groups).
    const group = await directoryGroupOf(tx, tenantId, role.id);
    if (group) await deleteDirectoryGroup(tx, group.store, group.externalId);
    await tx.role.delete({ where: { id: role.id } });
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "role.deleted",
      target: { type: "role", id: role.id, name: role.qualified },
      before: { permissions: role.grants, members: role.memberCount },
      ip: actor.ip,
    });
    return { qualified: role.qualified };
  }, MAPPING_WRITE_TX);
}
