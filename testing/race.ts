import { createDb, type Db } from "../lib/db/client.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { AppError, type ErrorCode } from "../lib/errors.ts";

export const IN_FLIGHT = 20;

/** What a batch of concurrent writes came to: successes, refusals by AppError code, and anything else (a 500). */
export type RaceOutcome<T> = { values: T[]; refused: Partial<Record<ErrorCode, number>>; failures: unknown[] };

/** Starts every job at once and waits for all of them. */
export async function race<T>(jobs: readonly (() => Promise<T>)[]): Promise<RaceOutcome<T>> {
  const settled = await Promise.allSettled(jobs.map((job) => job()));
  const outcome: RaceOutcome<T> = { values: [], refused: {}, failures: [] };
  for (const s of settled) {
    if (s.status === "fulfilled") outcome.values.push(s.value);
    else if (s.reason instanceof AppError) outcome.refused[s.reason.code] = (outcome.refused[s.reason.code] ?? 0) + 1;
    else outcome.failures.push(s.reason);
  }
  return outcome;
}

/**
 * Two clients on one PostgreSQL database, each with its own connection pool: what two server
 * instances would be. On SQLite both are one client: better-sqlite3 is synchronous, so a
 * second connection in the same process waiting for the write lock would block the event
 * loop that has to release it (separate processes wait for each other normally).
 */
export function twoInstances(target: DbTarget): { pick: (i: number) => Db; close: () => Promise<void> } {
  const first = createDb(target);
  const clients = target.provider === "postgres" ? [first, createDb(target)] : [first];
  return { pick: (i) => clients[i % clients.length]!, close: async () => void (await Promise.all(clients.map((c) => c.$disconnect()))) };
}
