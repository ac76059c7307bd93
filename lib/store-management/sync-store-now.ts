import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { syncStore, type SyncResult } from "../user-stores/external/sync.ts";
import { getStoreRow } from "./get-store.ts";
import { ZStoreRef } from "./store-input.ts";

export const ZSyncStoreNow = ZStoreRef;

/**
 * Refreshes a store's mirror now. The sync takes the store's lease itself; a failure is
 * audited and answered with its message (STORE_UNAVAILABLE when the directory cannot answer).
 */
export async function syncStoreNow(client: Db, actor: Actor, input: { id: number }): Promise<SyncResult & { domain: string }> {
  const tenantId = actor.tenantId;
  const row = await getStoreRow(client, tenantId, input.id);
  if (!row.enabled) throw new AppError("CONFLICT", `The ${row.domain} store is disabled; enable it before syncing.`);
  const audit = (after: Record<string, unknown>) =>
    recordAudit(client, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "store.synced",
      target: { type: "userStore", id: row.id, name: row.domain },
      after,
      ip: actor.ip,
    });
  try {
    const result = await syncStore(client, tenantId, row.id);
    await audit({ ok: true, ...result });
    return { domain: row.domain, ...result };
  } catch (error) {
    const failure =
      error instanceof AppError
        ? error
        : new AppError("STORE_UNAVAILABLE", `Syncing ${row.domain} failed; see the server log for the cause.`);
    await audit({ ok: false, error: failure.message });
    if (failure !== error) console.error(`Sync of user store ${row.domain} failed`, error);
    throw failure;
  }
}
