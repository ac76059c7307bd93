import type { Tx } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { databaseBulkImporter } from "../database-bulk-import.ts";
import type { BulkImporter, ImportedUser } from "../user-store.ts";
import { deleteOnRollback } from "./compensation.ts";
import type { Directory, DirectoryUser } from "./directory.ts";
import { addExternalMemberships, writable } from "./external-writes.ts";
import { refreshMirroredUser } from "./refresh-user.ts";
import { readExternalStore } from "./store-row.ts";

/**
 * Rows per chunk for a directory: each row is an add, a password set and a read (and a group
 * change per group), all inside the chunk's transaction, so chunks stay short
 * (docs/import-export.md, "Into an LDAP or JDBC store").
 */
export const DIRECTORY_CHUNK_ROWS = 25;

/**
 * Bulk import into an LDAP or WSO2 JDBC store: Add User's path, row by row. Each entry goes to
 * the directory (with its claims, through the store's claim → attribute map, and its password
 * as the store sets passwords), then its mirror row; then the chunk's memberships, the store's
 * groups in the directory first. The mirror rows commit with the chunk's outcomes; when the chunk
 * fails, every entry it wrote is deleted from the directory again (deleteOnRollback).
 */
export const directoryBulkImporter: BulkImporter = {
  chunkRows: DIRECTORY_CHUNK_ROWS,
  passwordsInClear: true,
  // The mirror holds the directory's users as User rows: the same query finds the taken names.
  conflicts: databaseBulkImporter.conflicts,

  async insert(tx: Tx, tenantId, storeId, users) {
    if (users.length === 0) return [];
    const store = await readExternalStore(tx, tenantId, storeId);
    const directory = writable(store);
    const written: DirectoryUser[] = [];
    deleteOnRollback(tx, store, written);
    const ids: number[] = [];
    for (const user of users) {
      const entry = await createOrAdopt(directory, user);
      written.push(entry);
      const id = await refreshMirroredUser(tx, { id: store.id, tenantId }, entry);
      if (id === null)
        throw new AppError("CONFLICT", `The ${store.domain} directory created ${entry.username}, but Gatehouse cannot show that name.`);
      ids.push(id);
    }
    await addExternalMemberships(
      tx,
      users.flatMap((u, i) => u.roleIds.map((roleId) => ({ userId: ids[i]!, roleId }))),
    );
    return ids;
  },
};

/**
 * Creates the entry; when the directory has one by that name already, it is this job's own only
 * if it answers to the row's password: what a runner that died between the directory's write and
 * its commit left behind (the password is the marker; no attribute is added to the entry).
 * Anything else fails the row, and with it the chunk.
 */
async function createOrAdopt(directory: Directory, user: ImportedUser): Promise<DirectoryUser> {
  const password = user.password;
  if (!password) throw new AppError("INVALID_INPUT", `${user.username}: a directory user needs a password.`);
  try {
    // An empty cell sets nothing on a new entry (and may name a claim the store does not map).
    const claims = Object.fromEntries(Object.entries(user.claims).filter(([, value]) => value !== ""));
    return await directory.createUser({ username: user.username, password, claims });
  } catch (error) {
    const message = error instanceof AppError ? error.message : String(error);
    if (error instanceof AppError && error.code === "CONFLICT") {
      const entry = await directory.findUser(user.username);
      if (entry && (await directory.authenticate(entry.externalId, password))) return entry;
    }
    const code = error instanceof AppError ? error.code : "STORE_UNAVAILABLE";
    throw new AppError(code, `${user.username}: ${message}`);
  }
}
