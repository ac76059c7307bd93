/**
 * The lockout's bookkeeping around one password check, in three steps:
 *
 * 1. `reserveAttempt`, before the slow hash: counts the attempt as a failure, for the account
 *    and for the (account, client address) pair, unless either is locked or out of attempts.
 *    It runs in one transaction whose first statement updates the user row, so on PostgreSQL
 *    concurrent attempts on one account queue on the row lock (SQLite transactions are
 *    exclusive anyway), across every instance. A burst therefore gets exactly as many password
 *    checks as there are attempts left; the rest are refused without checking.
 * 2. `settleFailure`, after a wrong password: the failure is already counted; locks the pair
 *    at `max_failed_attempts` and the account at `account_max_failed_attempts`.
 * 3. `clearFailures`, after a right password: the attempt was no failure after all.
 *
 * A check that never settles (the process died) stays counted as a failure, which errs on
 * the safe side.
 */
import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db, Tx } from "../db/client.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record.ts";
import { HOURLY_FAILURE_CEILING, lockDurationMs, windowOpen } from "./lockout.ts";

type Lockout = TGatehouseConfig["lockout"];
export type Attempt = { tenantId: number; userId: number; username: string; address: string; ip?: string };

class Refused extends Error {}

// A burst queues on the account's row; each turn is short, but a long queue must wait, not fail.
const QUEUE = { maxWait: 15_000, timeout: 15_000 } as const;

/** Takes one attempt for the account and this address; false when either is locked or has none left. */
export async function reserveAttempt(client: Db, lockout: Lockout, attempt: Attempt, now: Date): Promise<boolean> {
  try {
    await client.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { id: attempt.userId, tenantId: attempt.tenantId },
        data: { failedAttempts: { increment: 1 } },
        select: { failedAttempts: true, lockedUntil: true, failureWindowStart: true, failuresInWindow: true },
      });
      const inWindow = windowOpen(user.failureWindowStart, now);
      if (user.lockedUntil && user.lockedUntil > now) throw new Refused();
      if (inWindow && user.failuresInWindow >= HOURLY_FAILURE_CEILING) throw new Refused();
      if (lockout.enabled && user.failedAttempts > lockout.account_max_failed_attempts) throw new Refused();
      await tx.user.update({
        where: { id: attempt.userId },
        data: inWindow ? { failuresInWindow: { increment: 1 } } : { failureWindowStart: now, failuresInWindow: 1 },
      });
      if (!lockout.enabled) return;
      // The user row lock above also serialises this pair's row.
      const pair = await tx.addressLockout.upsert({
        where: { userId_address: { userId: attempt.userId, address: attempt.address } },
        create: { tenantId: attempt.tenantId, userId: attempt.userId, address: attempt.address, failedAttempts: 1, lastFailureAt: now },
        update: { failedAttempts: { increment: 1 }, lastFailureAt: now },
      });
      if (pair.lockedUntil && pair.lockedUntil > now) throw new Refused();
      if (pair.failedAttempts > lockout.max_failed_attempts) throw new Refused();
    }, QUEUE);
    return true;
  } catch (error) {
    if (error instanceof Refused) return false;
    throw error;
  }
}

/** After a wrong password: audits it and locks the pair, then the account, when their counts are used up. */
export async function settleFailure(client: Db, lockout: Lockout, attempt: Attempt, now: Date, via: string): Promise<void> {
  await client.$transaction(async (tx) => {
    // Touching the row first queues concurrent settlements, so only one of them takes each lock.
    const user = await tx.user.update({
      where: { id: attempt.userId, tenantId: attempt.tenantId },
      data: { updatedAt: now },
      select: { failedAttempts: true, lockCount: true },
    });
    await auditFailure(tx, attempt, "wrong password", via);
    if (!lockout.enabled) return;
    const pairKey = { userId_address: { userId: attempt.userId, address: attempt.address } };
    const pair = await tx.addressLockout.findUnique({ where: pairKey });
    if (pair && pair.failedAttempts >= lockout.max_failed_attempts) {
      const lockedUntil = new Date(now.getTime() + lockDurationMs(lockout, pair.lockCount));
      await tx.addressLockout.update({ where: pairKey, data: { lockedUntil, failedAttempts: 0, lockCount: { increment: 1 } } });
      await auditLock(tx, attempt, "auth.address_locked", { address: attempt.address, lockedUntil: lockedUntil.toISOString(), lock: pair.lockCount + 1 });
    }
    if (user.failedAttempts >= lockout.account_max_failed_attempts) {
      const lockedUntil = new Date(now.getTime() + lockDurationMs(lockout, user.lockCount));
      await tx.user.update({ where: { id: attempt.userId }, data: { lockedUntil, failedAttempts: 0, lockCount: { increment: 1 } } });
      await auditLock(tx, attempt, "auth.account_locked", { lockedUntil: lockedUntil.toISOString(), lock: user.lockCount + 1 });
    }
  }, QUEUE);
}

/**
 * After a right password: resets the account's consecutive failures and lock (as before) and
 * this address's pair, and takes the attempt back out of the hourly window. Other addresses'
 * pairs keep their counts, so an attacker elsewhere gains nothing from the owner signing in.
 */
export async function clearFailures(tx: Tx, attempt: Attempt): Promise<void> {
  await tx.user.update({ where: { id: attempt.userId, tenantId: attempt.tenantId }, data: { failedAttempts: 0, lockCount: 0, lockedUntil: null } });
  await tx.user.updateMany({ where: { id: attempt.userId, failuresInWindow: { gt: 0 } }, data: { failuresInWindow: { decrement: 1 } } });
  await tx.addressLockout.deleteMany({ where: { tenantId: attempt.tenantId, userId: attempt.userId, address: attempt.address } });
}

export function auditFailure(client: Pick<Tx, "auditEvent">, attempt: Pick<Attempt, "tenantId" | "ip"> & { userId: number | null; username: string }, reason: string, via: string) {
  const name = attempt.username.slice(0, 200);
  return recordAudit(client, {
    tenantId: attempt.tenantId,
    actor: { id: attempt.userId, name },
    action: "auth.sign_in_failed",
    target: { type: attempt.userId ? "user" : "unknown", id: attempt.userId, name },
    after: { reason, via },
    ip: attempt.ip,
  });
}

function auditLock(tx: Tx, attempt: Attempt, action: "auth.address_locked" | "auth.account_locked", after: Record<string, unknown>) {
  return recordAudit(tx, {
    tenantId: attempt.tenantId,
    actor: SYSTEM_ACTOR,
    action,
    target: { type: "user", id: attempt.userId, name: attempt.username },
    after,
    ip: attempt.ip,
  });
}
