import type { Tx } from "../db/client.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";

/** Compare-and-increment on the user's version; refuses a save based on an outdated view. */
export async function bumpUserVersion(tx: Tx, tenantId: number, id: number, version: number): Promise<void> {
  await (await tenantUserStore(tx, tenantId)).updateUser(tx, tenantId, id, { version });
}

/** The version as a write's first statement, so concurrent edits of one user queue (the store's lockUser). */
export async function lockUserVersion(tx: Tx, tenantId: number, id: number, expected?: number): Promise<void> {
  await (await tenantUserStore(tx, tenantId)).lockUser(tx, tenantId, id, expected);
}
