import type { Tx } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { databaseStore } from "../database-store.ts";
import { deleteDatabaseUsers, setDatabaseClaims, updateDatabaseUser } from "../database-writes.ts";
import { addMemberships, removeMemberships } from "../hybrid-memberships.ts";
import type { MembershipPair, NewStoreUser, PreparedPassword, StoreRef, UserChange } from "../user-store.ts";
import { resyncGroupOnRollback, resyncUserOnRollback } from "./compensation.ts";
import { directoryForStore } from "./directory-for.ts";
import { refreshMirroredUser } from "./refresh-user.ts";
import { externalStoresOfUsers, readExternalStore, type ExternalStore } from "./store-row.ts";

/*
 * Writes for tenants with external stores. Each names users (or roles) by Gatehouse id, and
 * each user may be in a database store or an external one: a database store's user is
 * written as the database store writes; an external store's goes to its directory first,
 * then to the mirror in the caller's transaction, so the audit event the caller records
 * commits only once the directory has taken the change. A read-only store refuses
 * (FORBIDDEN) before anything is written. If the caller's transaction fails after the
 * directory took the change, the entry is re-read from the directory once the transaction is
 * gone and its mirror row refreshed (compensation.ts).
 */

export function writable(store: ExternalStore) {
  if (store.readOnly) throw new AppError("FORBIDDEN", `The ${store.domain} user store is read-only.`);
  return directoryForStore(store);
}

function passwordFor(password: PreparedPassword): string {
  if (password.forDirectory === undefined) throw new AppError("INVALID_INPUT", "A password for a directory user must be given in clear.");
  return password.forDirectory;
}

export async function createExternalUser(tx: Tx, tenantId: number, store: StoreRef, user: NewStoreUser): Promise<{ id: number }> {
  if ((store.type ?? "database") === "database") return databaseStore.createUser(tx, tenantId, store, user);
  const row = await readExternalStore(tx, tenantId, store.id);
  const created = await writable(row).createUser({
    username: user.username,
    password: passwordFor(user.password),
    claims: { ...user.claims },
  });
  resyncUserOnRollback(tx, row, created);
  const id = await refreshMirroredUser(tx, { id: row.id, tenantId }, created);
  if (id === null)
    throw new AppError("CONFLICT", `The ${row.domain} directory created ${created.username}, but Gatehouse cannot show that name.`);
  await addExternalMemberships(
    tx,
    user.roleIds.map((roleId) => ({ userId: id, roleId })),
  );
  return { id };
}

export async function updateExternalUser(tx: Tx, tenantId: number, id: number, change: UserChange): Promise<void> {
  const store = (await externalStoresOfUsers(tx, tenantId, [id])).get(id);
  if (!store) return databaseStore.updateUser(tx, tenantId, id, change);
  const directory = writable(store);
  // The version first: an edit based on an outdated view never reaches the directory.
  await updateDatabaseUser(tx, tenantId, id, { version: change.version });
  if (change.password) await directory.setPassword(store.externalId, passwordFor(change.password.value));
}

export async function setExternalClaims(tx: Tx, userId: number, claims: Record<string, string>): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { tenantId: true } });
  const store = (await externalStoresOfUsers(tx, user.tenantId, [userId])).get(userId);
  if (store) {
    await writable(store).setClaims(store.externalId, claims);
    resyncUserOnRollback(tx, store, store);
  }
  await setDatabaseClaims(tx, userId, claims);
}

export async function deleteExternalUsers(tx: Tx, tenantId: number, ids: readonly number[]): Promise<number> {
  const stores = await externalStoresOfUsers(tx, tenantId, ids);
  for (const store of stores.values()) writable(store);
  for (const store of stores.values()) {
    await directoryForStore(store).deleteUser(store.externalId);
    resyncUserOnRollback(tx, store, { ...store, gone: true });
  }
  return deleteDatabaseUsers(tx, tenantId, ids);
}

/** Memberships in an external store's groups go to its directory first; the hybrid roles' and database groups' are Gatehouse's alone. */
export async function addExternalMemberships(tx: Tx, pairs: readonly MembershipPair[]): Promise<MembershipPair[]> {
  await forEachExternalGroup(tx, pairs, true, (directory, group, members) => directory.addMembers(group, members));
  return addMemberships(tx, pairs);
}

export async function removeExternalMemberships(
  tx: Tx,
  pairs: { userIds: readonly number[]; roleIds: readonly number[] },
): Promise<number> {
  const all = pairs.userIds.flatMap((userId) => pairs.roleIds.map((roleId) => ({ userId, roleId })));
  // Of the users named, those in the group's store are the ones it can hold.
  await forEachExternalGroup(tx, all, false, (directory, group, members) => directory.removeMembers(group, members));
  return removeMemberships(tx, pairs);
}

type GroupWrite = (directory: ReturnType<typeof directoryForStore>, groupId: string, memberIds: string[]) => Promise<void>;

async function forEachExternalGroup(tx: Tx, pairs: readonly MembershipPair[], strict: boolean, write: GroupWrite): Promise<void> {
  if (pairs.length === 0) return;
  const roles = await tx.role.findMany({
    where: { id: { in: [...new Set(pairs.map((p) => p.roleId))] }, store: { type: { not: "database" } } },
    select: { id: true, name: true, externalId: true, storeId: true, tenantId: true },
  });
  if (roles.length === 0) return;
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(pairs.map((p) => p.userId))] } },
    select: { id: true, storeId: true, externalId: true },
  });
  const userById = new Map(users.map((u) => [u.id, u]));
  for (const role of roles) {
    const store = await readExternalStore(tx, role.tenantId, role.storeId);
    const directory = writable(store);
    const named = pairs.filter((p) => p.roleId === role.id).map((p) => userById.get(p.userId));
    const members = named.filter((u) => u && u.storeId === role.storeId && u.externalId).map((u) => u!.externalId!);
    if (strict && members.length !== named.length) {
      throw new AppError("INVALID_INPUT", `${store.domain}/${role.name} can hold only users of the ${store.domain} user store.`);
    }
    if (members.length === 0) continue;
    await write(directory, role.externalId ?? "", [...new Set(members)]);
    resyncGroupOnRollback(tx, store, role.externalId ?? "");
  }
}
