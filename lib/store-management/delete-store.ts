import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { bumpMappingVersion, lockMappingVersion, MAPPING_WRITE_TX } from "../roles/mapping-version.ts";
import { closeDirectory } from "../user-stores/external/directory-for.ts";
import { countStoreMirror, deleteStoreMirror } from "../user-stores/store-mirror-rows.ts";
import { inOwnStore } from "./own-store.ts";
import { getStoreRow } from "./get-store.ts";
import { ZStoreVersionRef } from "./store-input.ts";

/** `domain` is the admin's typed confirmation: the delete runs only when it names the store. */
export const ZDeleteStore = ZStoreVersionRef.extend({ domain: z.string().trim().max(100) });
export type TDeleteStore = z.infer<typeof ZDeleteStore>;

/** What deleting a store removes from Gatehouse; the directory itself is untouched. */
export type StoreDeletionImpact = { domain: string; users: number; groups: number; sessions: number; internalMemberships: number };

export async function storeDeletionImpact(client: Db | Tx, tenantId: number, id: number): Promise<StoreDeletionImpact> {
  const row = await getStoreRow(client, tenantId, id);
  return { domain: row.domain, ...(await countStoreMirror(client, tenantId, row.id)) };
}

/**
 * Deletes a secondary store: its mirrored users and groups leave Gatehouse, with their
 * sessions and their memberships of Internal and Application roles, in one transaction.
 */
export async function deleteStore(client: Db, actor: Actor, input: TDeleteStore): Promise<StoreDeletionImpact> {
  const tenantId = actor.tenantId;
  const impact = await client.$transaction(async (tx) => {
    const row = await getStoreRow(tx, tenantId, input.id);
    if (input.domain.toUpperCase() !== row.domain.toUpperCase()) {
      throw new AppError("INVALID_INPUT", `Type ${row.domain} to confirm.`, { field: "domain" });
    }
    await assertDeletable(tx, actor, row.id, row.domain);
    const { count } = await tx.userStore.updateMany({
      where: { id: row.id, tenantId, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", `Someone else changed the ${row.domain} store first. Reload and try again.`);
    const impact = await storeDeletionImpact(tx, tenantId, row.id);
    // The store's groups may be mapped to scopes or aliased: those mappings go, so open matrices are stale.
    const mappingVersion = await lockMappingVersion(tx, tenantId);
    const mapped = await tx.scopeRole.count({ where: { role: { tenantId, storeId: row.id } } });
    const aliased = await tx.roleAlias.count({
      where: { OR: [{ role: { tenantId, storeId: row.id } }, { aliasRole: { tenantId, storeId: row.id } }] },
    });
    if (mapped + aliased > 0) await bumpMappingVersion(tx, tenantId, mappingVersion);
    await deleteStoreMirror(tx, tenantId, row.id);
    await tx.userStore.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "store.deleted",
      target: { type: "userStore", id: row.id, name: row.domain },
      before: { type: row.type, users: impact.users, groups: impact.groups, sessions: impact.sessions },
      ip: actor.ip,
    });
    return impact;
  }, MAPPING_WRITE_TX);
  await closeDirectory(input.id);
  return impact;
}

async function assertDeletable(tx: Tx, actor: Actor, storeId: number, domain: string): Promise<void> {
  if (inOwnStore(actor, domain)) {
    throw new AppError("FORBIDDEN", `Your own account is in ${domain}; another admin must delete it.`);
  }
  if ((await tx.role.count({ where: { tenantId: actor.tenantId, storeId, kind: "admin" } })) > 0) {
    throw new AppError("FORBIDDEN", `${domain} holds the admin role; name another admin role in gatehouse.toml first.`);
  }
}
