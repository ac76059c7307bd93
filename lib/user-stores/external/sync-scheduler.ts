import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { syncStore } from "./sync.ts";

// The settings' default (settings.ts) for a store whose settings do not say.
const DEFAULT_INTERVAL_MINUTES = 15;
const CHECK_EVERY_MS = 60_000;

function intervalMinutes(settings: string | null): number {
  try {
    const value: unknown = (JSON.parse(settings ?? "{}") as Record<string, unknown>).syncIntervalMinutes;
    return typeof value === "number" && Number.isFinite(value) ? value : DEFAULT_INTERVAL_MINUTES;
  } catch {
    return DEFAULT_INTERVAL_MINUTES;
  }
}

/**
 * Syncs, one after another, the enabled external stores whose last run (finished or failed)
 * is older than their `syncIntervalMinutes` (0: only by hand). Every instance runs this; the
 * StoreSync lease lets one of them sync a store and the others skip it (CONFLICT). Returns
 * the ids of the stores synced. A failure is recorded on the store's StoreSync row.
 */
export async function runDueSyncs(client: Db, now = new Date()): Promise<number[]> {
  const stores = await client.userStore.findMany({
    where: { type: { not: "database" }, enabled: true },
    select: { id: true, tenantId: true, settings: true, sync: { select: { finishedAt: true } } },
    orderBy: { id: "asc" },
  });
  const synced: number[] = [];
  for (const store of stores) {
    const minutes = intervalMinutes(store.settings);
    const last = store.sync?.finishedAt;
    if (minutes <= 0 || (last && now.getTime() - last.getTime() < minutes * 60_000)) continue;
    try {
      await syncStore(client, store.tenantId, store.id);
      synced.push(store.id);
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") continue;
      console.warn(`[gatehouse] scheduled sync of user store ${store.id} failed: ${(error as Error).message}`);
    }
  }
  return synced;
}

/** Checks for due syncs once a minute for the life of the process (started by instrumentation.ts). */
export function startSyncScheduler(client: Db): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void runDueSyncs(client)
      .catch((error: unknown) => console.warn(`[gatehouse] the sync scheduler could not run: ${(error as Error).message}`))
      .finally(() => (running = false));
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
