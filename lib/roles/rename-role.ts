import { z } from "zod";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { qualifiedName } from "../core/domains.ts";
import { findStore } from "../stores/list-stores.ts";
import { assertRoleNameDistinct, roleNameColumns } from "../stores/look-alike.ts";
import { bumpRoleVersion } from "./bump-role-version.ts";
import { getRole } from "./get-role.ts";
import { assertRoleAction } from "../authz/role-rules.ts";
import { cleanRoleName, ZVersion } from "./role-input.ts";
import { directoryGroupOf, renameDirectoryGroup } from "../user-stores/external/external-groups.ts";

export const ZRenameRole = z.object({ id: z.coerce.number().int().positive(), version: ZVersion, name: z.string().max(1024) });
export type TRenameRole = z.infer<typeof ZRenameRole>;

/** Renames a role in its store. Members, grants and scope mappings are keyed by id and follow it. */
export async function renameRole(client: Db, actor: Actor, input: TRenameRole): Promise<{ from: string; to: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const role = await getRole(tx, tenantId, input.id);
    assertRoleAction(actor, role, "rename");
    const store = await findStore(tx, tenantId, role.domain);
    const name = cleanRoleName(store, input.name);
    const to = qualifiedName(role.domain, name);
    await assertRoleNameDistinct(tx, tenantId, store, name, role.id);
    await bumpRoleVersion(tx, tenantId, role.id, input.version, roleNameColumns(name)).catch((error: unknown) => {
      // assertRoleNameDistinct passed, but a concurrent create or rename to this name committed first.
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", `A role named ${to} already exists.`, { field: "name" });
      throw error;
    });
    // After Gatehouse's checks, so an outdated or clashing rename never reaches a read-write store's directory.
    const group = await directoryGroupOf(tx, tenantId, role.id);
    if (group) await renameDirectoryGroup(tx, group.store, { id: role.id, externalId: group.externalId }, name);
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "role.renamed",
      target: { type: "role", id: role.id, name: to },
      before: { name: role.qualified },
      after: { name: to },
      ip: actor.ip,
    });
    return { from: role.qualified, to };
  });
}
