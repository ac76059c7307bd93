import type { TGatehouseConfig } from "../config/schema.ts";

// ASVS 2.2.1: no more than 100 failed attempts per hour on one account, whatever the config says.
export const HOURLY_FAILURE_CEILING = 100;
export const HOUR_MS = 3_600_000;

export function windowOpen(start: Date | null, now: Date): start is Date {
  return start !== null && now.getTime() - start.getTime() < HOUR_MS;
}

/** Each lock lasts `lock_multiplier` times longer than the one before, up to the cap. */
export function lockDurationMs(lockout: TGatehouseConfig["lockout"], previousLocks: number): number {
  const minutes = lockout.initial_lock_minutes * lockout.lock_multiplier ** previousLocks;
  return Math.min(minutes, lockout.max_lock_minutes) * 60_000;
}
