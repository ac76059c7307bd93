import { databaseStore } from "../database-store.ts";
import { hashPassword } from "../password-hash.ts";
import type { LoginAccount, UserStore } from "../user-store.ts";
import { directoryForStore } from "./directory-for.ts";
import type { Directory } from "./directory.ts";
import { directoryBulkImporter } from "./directory-bulk-import.ts";
import {
  addExternalMemberships,
  createExternalUser,
  deleteExternalUsers,
  removeExternalMemberships,
  setExternalClaims,
  updateExternalUser,
} from "./external-writes.ts";
import { unchangedMirrorId } from "./mirror-unchanged.ts";
import { inTransaction, refreshMirroredUser } from "./refresh-user.ts";
import { externalStoresOfUsers, readExternalStore } from "./store-row.ts";

/**
 * The directory that found each sign-in's account, for its password check: LoginAccount names
 * only the user, and the check must go to the same directory the lookup went to.
 */
const directoryOfAccount = new WeakMap<LoginAccount, Directory>();

function account(id: number, externalId: string, directory: Directory): LoginAccount {
  const found = { id, handle: externalId };
  directoryOfAccount.set(found, directory);
  return found;
}

/**
 * An LDAP or WSO2 JDBC store (#13). Reads are the database store's: they read the mirror
 * (sync.ts), which holds the directory's users and groups as Gatehouse rows, so lists and
 * searches cost the same in every store and keep working while the directory is down.
 * Sign-in asks the directory live and refreshes the user's mirror row on the way when it changed; writes go
 * to the directory, then to the mirror (external-writes.ts, which also serves the database
 * store's users, so one implementation answers for a tenant with stores of several types).
 */
export function createExternalStore(type: string): UserStore {
  return {
    ...databaseStore,
    type,
    groupsInGatehouse: true,

    async findLogin(client, tenantId, store, username) {
      const row = await readExternalStore(client, tenantId, store.id);
      if (!row.enabled) return null;
      const directory = directoryForStore(row);
      const entry = await directory.findUser(username);
      if (!entry) return null;
      const mirror = { id: row.id, tenantId };
      // Most sign-ins find the directory as the mirror has it: one read, and no write at all.
      const id =
        (await unchangedMirrorId(client, mirror, entry)) ?? (await inTransaction(client, (tx) => refreshMirroredUser(tx, mirror, entry)));
      return id === null ? null : account(id, entry.externalId, directory);
    },
    async loginById(client, tenantId, id) {
      const store = (await externalStoresOfUsers(client, tenantId, [id])).get(id);
      if (!store) return databaseStore.loginById(client, tenantId, id);
      return store.enabled ? account(id, store.externalId, directoryForStore(store)) : null;
    },
    async authenticate(login, password) {
      const directory = directoryOfAccount.get(login);
      if (!directory) return databaseStore.authenticate(login, password);
      return { ok: await directory.authenticate(login.handle, password) };
    },

    // Both forms: the user written may be in a database store (the hash) or a directory (the password itself).
    preparePassword: async (password) => ({ stored: await hashPassword(password), forDirectory: password }),
    createUser: createExternalUser,
    updateUser: updateExternalUser,
    async rehash(tx, tenantId, id, password) {
      // A directory keeps its own passwords; only a database store's user has a hash to renew.
      if (!(await externalStoresOfUsers(tx, tenantId, [id])).has(id)) await databaseStore.rehash(tx, tenantId, id, password);
    },
    setClaims: setExternalClaims,
    deleteUsers: deleteExternalUsers,
    addToGroups: addExternalMemberships,
    removeFromGroups: removeExternalMemberships,
    // Not the database store's set-based insert (spread above): the users go to the directory first.
    bulkImporter: directoryBulkImporter,
  };
}
