import type { Tx } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { resyncGroupOnRollback } from "./compensation.ts";
import type { DirectoryGroup } from "./directory.ts";
import { writable } from "./external-writes.ts";
import { readExternalStore, type ExternalStore } from "./store-row.ts";
import { currentGeneration } from "./sync-lease.ts";

/*
 * Groups of a read-write external store, created, renamed and deleted from Gatehouse as in
 * WSO2 (docs/user-stores.md, "Groups"). Each goes to the directory inside the caller's
 * transaction, after Gatehouse's own checks (name, version, permissions) and before the mirror
 * row changes, so a directory that refuses or is down (STORE_UNAVAILABLE) leaves Gatehouse as
 * it was; if the transaction fails after the directory took the write, the group is re-read
 * from the directory once it is gone (compensation.ts). A read-only store refuses (FORBIDDEN).
 */

/** The external store a role's domain is, or null for a database store or a hybrid domain. */
export async function externalStoreOf(tx: Tx, tenantId: number, store: { id: number; type?: string }): Promise<ExternalStore | null> {
  return (store.type ?? "database") === "database" ? null : readExternalStore(tx, tenantId, store.id);
}

/** The external store and directory id of a role that mirrors a group, or null for any other role. */
export async function directoryGroupOf(
  tx: Tx,
  tenantId: number,
  roleId: number,
): Promise<{ store: ExternalStore; externalId: string } | null> {
  const role = await tx.role.findFirst({
    where: { id: roleId, tenantId, store: { type: { not: "database" } } },
    select: { externalId: true, storeId: true },
  });
  if (!role?.externalId) return null;
  return { store: await readExternalStore(tx, tenantId, role.storeId), externalId: role.externalId };
}

/** The columns of the new group's mirror row: the directory's id, stamped so a running sync keeps it. */
export async function createDirectoryGroup(
  tx: Tx,
  store: ExternalStore,
  name: string,
  userIds: readonly number[],
): Promise<{ externalId: string; syncGeneration: number }> {
  const directory = writable(store);
  const users = await tx.user.findMany({
    where: { tenantId: store.tenantId, id: { in: [...userIds] } },
    select: { id: true, username: true, storeId: true, externalId: true },
  });
  const stranger = users.find((u) => u.storeId !== store.id || !u.externalId);
  if (stranger)
    throw new AppError("INVALID_INPUT", `${stranger.username} is not a user of ${store.domain}: its groups can hold only its own users.`, {
      field: "userIds",
    });
  const created = await directory.createGroup(
    name,
    users.map((u) => u.externalId!),
  );
  resyncGroupOnRollback(tx, store, created.externalId);
  return { externalId: created.externalId, syncGeneration: await currentGeneration(tx, store.id) };
}

/** Renames the group in the directory; the new externalId differs only where the store names groups by DN. */
export async function renameDirectoryGroup(tx: Tx, store: ExternalStore, role: { id: number; externalId: string }, name: string) {
  const renamed: DirectoryGroup = await writable(store).renameGroup(role.externalId, name);
  resyncGroupOnRollback(tx, store, renamed.externalId);
  if (renamed.externalId !== role.externalId) await tx.role.update({ where: { id: role.id }, data: { externalId: renamed.externalId } });
}

export async function deleteDirectoryGroup(tx: Tx, store: ExternalStore, externalId: string): Promise<void> {
  await writable(store).deleteGroup(externalId);
  resyncGroupOnRollback(tx, store, externalId);
}
