import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";

export type SyncProgress = { users: number; groups: number };
export type SyncResult = SyncProgress & { created: number; updated: number; removed: number };

/**
 * Refreshes the mirror of one external store from its directory (placeholder until the sync
 * lands, #13). Runs under the store's StoreSync lease so one process at a time syncs a store.
 */
export async function syncStore(
  client: Db,
  tenantId: number,
  storeId: number,
  options: { signal?: AbortSignal; onProgress?: (progress: SyncProgress) => void } = {},
): Promise<SyncResult> {
  void client;
  void tenantId;
  void storeId;
  void options;
  throw new AppError("STORE_UNAVAILABLE", "Syncing external user stores is not available in this build yet.");
}
