import type { Tx } from "../../db/client.ts";
import { int, readRows } from "../../db/raw-read.ts";
import { join, sql } from "../../db/sql.ts";
import type { Reader } from "../user-store.ts";
import type { DirectoryUser } from "./directory.ts";
import { adoptFormerIds } from "./mirror-adopt.ts";
import { usableUsers } from "./mirror-entries.ts";
import { replaceClaims, replaceMemberships } from "./mirror-links.ts";
import { mirrorNamed, type MirrorStore } from "./mirror-names.ts";
import { currentGeneration } from "./sync-lease.ts";

/** Runs `work` in the caller's transaction, or in a new one when given the client. */
export function inTransaction<T>(client: Reader, work: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in client ? client.$transaction(work) : work(client);
}

/**
 * Brings one user's mirror row up to what the directory just said (a sign-in's live lookup, or
 * a write): name, claims and memberships in the store's groups the mirror knows (a group new
 * to the directory arrives with the next full sync). Stamped with the store's current
 * generation, so a sync running meanwhile does not remove the row. Null when Gatehouse
 * cannot hold the entry (its name is unusable, or another entry of the store holds it).
 */
export async function refreshMirroredUser(
  tx: Tx,
  store: MirrorStore,
  entry: DirectoryUser & { groupIds?: readonly string[] },
): Promise<number | null> {
  const [user] = usableUsers([entry]).users;
  if (!user) return null;
  const generation = await currentGeneration(tx, store.id);
  await adoptFormerIds(tx, "user", store.id, [user]);
  const named = await mirrorNamed(tx, "user", store, generation, [{ externalId: user.externalId, name: user.username }]);
  const id = named.ids.get(user.externalId);
  if (id === undefined) return null;
  await replaceClaims(tx, new Map([[id, user.claims]]));
  if (entry.groupIds) {
    const roleIds =
      entry.groupIds.length === 0
        ? []
        : await readRows(
            tx,
            sql`SELECT "id" FROM "Role" WHERE "storeId" = ${store.id} AND "externalId" IN (${join([...entry.groupIds])})`,
            (r) => int(r.id),
          );
    await replaceMemberships(
      tx,
      { userId: id },
      roleIds.map((roleId) => ({ userId: id, roleId })),
    );
  }
  return id;
}
