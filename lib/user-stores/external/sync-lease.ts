import crypto from "node:crypto";
import os from "node:os";
import type { Db, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { AppError } from "../../errors.ts";

/** Another instance's lease counts only while its heartbeat is younger than this (one beat a page). */
export const LEASE_TTL_MS = 60_000;

export type Lease = { storeId: number; owner: string; generation: number };

/**
 * Takes the store's StoreSync lease and bumps its generation, or refuses (CONFLICT) while
 * another run holds it with a live heartbeat. A run whose process died leaves a heartbeat that
 * ages out, and the next run takes over. One conditional UPDATE decides between two
 * contenders; the first sync of a store creates the row, and the primary key decides that race.
 */
export async function takeLease(client: Db, storeId: number, now = new Date()): Promise<Lease> {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(6).toString("hex")}`;
  const running = { state: "running", owner, heartbeatAt: now, startedAt: now, finishedAt: null, usersSeen: 0, groupsSeen: 0 };
  const { count } = await client.storeSync.updateMany({
    where: { storeId, OR: [{ owner: null }, { heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - LEASE_TTL_MS) } }] },
    data: { ...running, generation: { increment: 1 } },
  });
  if (count === 0) {
    const created = await client.storeSync
      .create({ data: { storeId, ...running, generation: 1 } })
      .then(() => true)
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) return false;
        throw error;
      });
    if (!created) throw new AppError("CONFLICT", "This user store is being synchronised by another run; try again when it has finished.");
  }
  const row = await client.storeSync.findFirst({ where: { storeId, owner }, select: { generation: true } });
  if (!row) throw new AppError("CONFLICT", "This user store is being synchronised by another run; try again when it has finished.");
  return { storeId, owner, generation: row.generation };
}

/** Proves the lease is still ours (first statement of each page's transaction) and records progress. */
export async function heartbeat(tx: Tx, lease: Lease, progress: { usersSeen: number; groupsSeen: number }): Promise<void> {
  const { count } = await tx.storeSync.updateMany({
    where: { storeId: lease.storeId, owner: lease.owner },
    data: { heartbeatAt: new Date(), ...progress },
  });
  if (count !== 1) throw new AppError("CONFLICT", "Another run took this user store's sync over (this one stalled for over a minute).");
}

export async function releaseLease(
  client: Db,
  lease: Lease,
  outcome: { state: "idle" | "failed"; lastError: string | null },
): Promise<void> {
  await client.storeSync.updateMany({
    where: { storeId: lease.storeId, owner: lease.owner },
    data: { ...outcome, owner: null, finishedAt: new Date() },
  });
}

/** The generation a sign-in's refresh stamps on its user: the current one, so a running sync keeps the row. */
export async function currentGeneration(client: Pick<Db | Tx, "storeSync">, storeId: number): Promise<number> {
  const row = await client.storeSync.findUnique({ where: { storeId }, select: { generation: true } });
  return row?.generation ?? 0;
}
