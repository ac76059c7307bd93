import type { Tx } from "../../db/client.ts";
import type { DirectoryGroupMembers } from "./directory.ts";
import { usableGroups } from "./mirror-entries.ts";
import { memberPairs, replaceMemberships } from "./mirror-links.ts";
import { mirrorNamed, type MirrorStore } from "./mirror-names.ts";
import { currentGeneration } from "./sync-lease.ts";

/**
 * Brings one group's mirror row up to what the directory just said: its name and its members
 * (those the mirror holds), or, when `entry` is null (the directory no longer has it), removes
 * the row as the next full sync would. Stamped with the store's current generation, like a
 * sign-in's refresh. Returns the role's id, or null when there is no row to show.
 */
export async function refreshMirroredGroup(
  tx: Tx,
  store: MirrorStore,
  externalId: string,
  entry: DirectoryGroupMembers | null,
): Promise<number | null> {
  const [group] = entry ? usableGroups([entry]).groups : [];
  if (!group) {
    await tx.role.deleteMany({ where: { tenantId: store.tenantId, storeId: store.id, externalId } });
    return null;
  }
  const generation = await currentGeneration(tx, store.id);
  const named = await mirrorNamed(tx, "role", store, generation, [{ externalId: group.externalId, name: group.name }]);
  const id = named.ids.get(group.externalId);
  if (id === undefined) return null;
  await replaceMemberships(tx, { roleIds: [id] }, await memberPairs(tx, store.id, [{ roleId: id, memberIds: group.memberIds }]));
  return id;
}
