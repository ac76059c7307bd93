import { nameKey } from "../core/domains.ts";
import { AppError } from "../errors.ts";
import {
  assertDatabaseUsernameFree,
  countDatabaseRoleMembers,
  findDatabaseUser,
  countDatabaseUsers,
  getDatabaseUser,
  getDatabaseUsers,
  claimsOfDatabaseUsers,
  listDatabaseRoleMembers,
  listDatabaseUsers,
} from "./database-reads.ts";
import {
  createDatabaseUser,
  deleteDatabaseUsers,
  lockDatabaseUser,
  rehashDatabaseUser,
  setDatabaseClaims,
  updateDatabaseUser,
} from "./database-writes.ts";
import { databaseBulkImporter } from "./database-bulk-import.ts";
import { estimateDatabaseRoleMembers, estimateDatabaseUsers } from "./database-estimates.ts";
import { addMemberships, gatehouseRolesOfUsers, removeMemberships } from "./hybrid-memberships.ts";
import { hashPassword, needsRehash, verifyPassword } from "./password-hash.ts";
import type { StoreRef, UserStore } from "./user-store.ts";

function assertWritable(store: Pick<StoreRef, "domain" | "readOnly">): void {
  if (store.readOnly) throw new AppError("FORBIDDEN", `The ${store.domain} user store is read-only.`);
}

/**
 * Today's store: users, argon2id hashes, claims and memberships in Gatehouse's own tables. Its
 * groups are Gatehouse role rows, so a user's groups and hybrid roles come from one query.
 * A read-only store refuses a new user here; its users' other writes are refused earlier by
 * the user rules (userActionBlocker, loadAssignableUsers), which read `readOnly` from the store.
 */
export const databaseStore: UserStore = {
  type: "database",
  groupsInGatehouse: true,
  capabilities: (store) => ({
    readOnly: store.readOnly,
    canChangePassword: !store.readOnly,
    canEditClaims: !store.readOnly,
  }),

  listUsers: listDatabaseUsers,
  countUsers: countDatabaseUsers,
  estimateUsers: estimateDatabaseUsers,
  getUser: getDatabaseUser,
  getUsers: getDatabaseUsers,
  claimsOfUsers: claimsOfDatabaseUsers,
  findUser: findDatabaseUser,
  assertUsernameFree: assertDatabaseUsernameFree,
  async findLogin(client, tenantId, store, username) {
    const user = await client.user.findFirst({
      where: { tenantId, storeId: store.id, usernameKey: nameKey(username) },
      select: { id: true, passwordHash: true },
    });
    return user && { id: user.id, handle: user.passwordHash };
  },
  async loginById(client, tenantId, id) {
    const user = await client.user.findFirst({ where: { id, tenantId }, select: { id: true, passwordHash: true } });
    return user && { id: user.id, handle: user.passwordHash };
  },
  async authenticate(account, password) {
    if (!(await verifyPassword(account.handle, password))) return { ok: false };
    if (!needsRehash(account.handle)) return { ok: true };
    return { ok: true, rehash: { stored: await hashPassword(password), replaces: account.handle } };
  },

  rolesOfUsers: (client, _tenantId, userIds) => gatehouseRolesOfUsers(client, userIds),
  usersOfRole: listDatabaseRoleMembers,
  countUsersOfRole: countDatabaseRoleMembers,
  estimateUsersOfRole: estimateDatabaseRoleMembers,

  preparePassword: async (password) => ({ stored: await hashPassword(password) }),
  createUser(tx, tenantId, store, user) {
    assertWritable(store);
    return createDatabaseUser(tx, tenantId, store, user);
  },
  updateUser: updateDatabaseUser,
  rehash: rehashDatabaseUser,
  lockUser: lockDatabaseUser,
  setClaims: setDatabaseClaims,
  bulkImporter: databaseBulkImporter,
  deleteUsers: deleteDatabaseUsers,
  addToGroups: addMemberships,
  removeFromGroups: removeMemberships,
};
