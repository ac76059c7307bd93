import { onRollback } from "../../db/after-rollback.ts";
import type { Db, Tx } from "../../db/client.ts";
import { directoryForStore } from "./directory-for.ts";
import { refreshMirroredGroup } from "./refresh-group.ts";
import { refreshMirroredUser } from "./refresh-user.ts";
import type { ExternalStore } from "./store-row.ts";

/*
 * A directory cannot be rolled back with Gatehouse's transaction. When the directory took a
 * write and the transaction then failed (a unique violation, a stale version, a lost
 * connection), these re-read what the write touched from the directory and refresh its mirror
 * row in a transaction of their own, once the failed one is gone, so the console shows what
 * the directory holds without waiting for the next sync. Best effort: a failure here is
 * logged, and the next sync (or the user's next sign-in) still brings the mirror in line.
 */

type Store = Pick<ExternalStore, "id" | "tenantId" | "domain" | "type" | "readOnly" | "settings">;

/** After a rollback, re-reads the user named `username`; `gone`: the write deleted them, so absence removes the row. */
export function resyncUserOnRollback(tx: Tx, store: Store, user: { externalId: string; username: string; gone?: boolean }): void {
  onRollback(tx, (client: Db) =>
    compensate(store, `user ${user.username}`, async () => {
      const entry = await directoryForStore(store).findUser(user.username);
      await client.$transaction(async (fresh) => {
        if (entry) await refreshMirroredUser(fresh, { id: store.id, tenantId: store.tenantId }, entry);
        // A name the directory no longer answers to may have been renamed there meanwhile: only a delete removes the row.
        else if (user.gone) await fresh.user.deleteMany({ where: { storeId: store.id, externalId: user.externalId } });
      });
    }),
  );
}

/** After a rollback, re-reads the group `externalId` (its name and members), or removes its row when the directory has it no more. */
export function resyncGroupOnRollback(tx: Tx, store: Store, externalId: string): void {
  onRollback(tx, (client: Db) =>
    compensate(store, `group ${externalId}`, async () => {
      const entry = await directoryForStore(store).findGroup(externalId);
      await client.$transaction((fresh) => refreshMirroredGroup(fresh, { id: store.id, tenantId: store.tenantId }, externalId, entry));
    }),
  );
}

async function compensate(store: Store, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    console.warn(`[gatehouse] a write to ${store.domain} failed after its directory took it; the mirror of ${what} was re-read`);
  } catch (error) {
    console.warn(
      `[gatehouse] a write to ${store.domain} failed after its directory took it, and re-reading ${what} failed too ` +
        `(${(error as Error).message}); the next sync brings the mirror in line`,
    );
  }
}

/**
 * After a rollback, deletes the entries a bulk import's chunk wrote to the directory (`written`
 * grows as the chunk writes), so a chunk is all or nothing there too (docs/import-export.md).
 * One failed delete does not stop the others; what is left is logged, and a resume adopts it.
 */
export function deleteOnRollback(tx: Tx, store: Store, written: readonly { externalId: string; username: string }[]): void {
  onRollback(tx, async () => {
    const directory = directoryForStore(store);
    const left: string[] = [];
    for (const entry of written) await directory.deleteUser(entry.externalId).catch(() => left.push(entry.username));
    if (left.length > 0)
      console.warn(`[gatehouse] an import chunk into ${store.domain} failed, and deleting its entries failed for: ${left.join(", ")}`);
  });
}
