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
 * the safe side; see `reserveAttempt` for how such counts end.
 */
import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db, Tx } from "../db/client.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record.ts";
import { HOURLY_FAILURE_CEILING, lockDurationMs, windowOpen } from "./lockout.ts";

type Lockout = TGatehouseConfig["lockout"];
export type Attempt = { tenantId: number; userId: number; username: string; address: string; ip?: string };

class Refused extends Error {
  constructor(readonly reason: "locked" | "disabled" = "locked") {
    super(reason);
  }
}

// A burst queues on the account's row; each turn is short, but a long queue must wait, not fail.
const QUEUE = { maxWait: 15_000, timeout: 15_000 } as const;
// No password check takes this long. Attempts reserved longer ago and never settled belong
// to checks that died (or to failures counted while the lockout was off).
const STALE_MS = 60_000;

/**
 * Takes one attempt for the account and this address; otherwise why not: the account is
 * disabled, or it or this address is locked or has no attempts left. When the attempts were used
 * up by checks that never settled, they count as the failures they were reserved as: the lock
 * they would have caused is taken now. A disabled account is refused by the same first
 * statement, so the check costs no extra query, and the rollback leaves its counters alone.
 */
export async function reserveAttempt(client: Db, lockout: Lockout, attempt: Attempt, now: Date): Promise<true | "locked" | "disabled"> {
  try {
    return await client.$transaction(async (tx) => {
      // The first statement takes the row lock on PostgreSQL; it leaves lastAttemptAt as it was.
      const user = await tx.user.update({
        where: { id: attempt.userId, tenantId: attempt.tenantId },
        data: { failedAttempts: { increment: 1 } },
        select: {
          failedAttempts: true,
          lockCount: true,
          lockedUntil: true,
          lastAttemptAt: true,
          failureWindowStart: true,
          failuresInWindow: true,
          disabledAt: true,
        },
      });
      if (user.disabledAt) throw new Refused("disabled");
      const inWindow = windowOpen(user.failureWindowStart, now);
      if (user.lockedUntil && user.lockedUntil > now) throw new Refused();
      if (inWindow && user.failuresInWindow >= HOURLY_FAILURE_CEILING) throw new Refused();
      if (lockout.enabled && user.failedAttempts > lockout.account_max_failed_attempts) {
        if (!stale(user.lastAttemptAt, now)) throw new Refused();
        await lockAccount(tx, lockout, attempt, user.lockCount, now);
        return "locked" as const;
      }
      if (lockout.enabled) {
        // The user row lock above also serialises this pair's row.
        const pairKey = { userId_address: { userId: attempt.userId, address: attempt.address } };
        const before = await tx.addressLockout.findUnique({ where: pairKey });
        if (before?.lockedUntil && before.lockedUntil > now) throw new Refused();
        if (before && before.failedAttempts >= lockout.max_failed_attempts) {
          if (!stale(before.lastAttemptAt, now)) throw new Refused();
          await tx.user.update({ where: { id: attempt.userId }, data: { failedAttempts: { decrement: 1 } } });
          await lockPair(tx, lockout, attempt, before.lockCount, now);
          return "locked" as const;
        }
        await tx.addressLockout.upsert({
          where: pairKey,
          create: { tenantId: attempt.tenantId, userId: attempt.userId, address: attempt.address, failedAttempts: 1, lastAttemptAt: now },
          update: { failedAttempts: { increment: 1 }, lastAttemptAt: now },
        });
      }
      const hourly = inWindow ? { failuresInWindow: { increment: 1 } } : { failureWindowStart: now, failuresInWindow: 1 };
      await tx.user.update({ where: { id: attempt.userId }, data: { lastAttemptAt: now, ...hourly } });
      return true as const;
    }, QUEUE);
  } catch (error) {
    if (error instanceof Refused) return error.reason;
    throw error;
  }
}

function stale(lastAttemptAt: Date | null, now: Date): boolean {
  return lastAttemptAt === null || now.getTime() - lastAttemptAt.getTime() > STALE_MS;
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
    const pair = await tx.addressLockout.findUnique({ where: { userId_address: { userId: attempt.userId, address: attempt.address } } });
    if (pair && pair.failedAttempts >= lockout.max_failed_attempts) await lockPair(tx, lockout, attempt, pair.lockCount, now);
    if (user.failedAttempts >= lockout.account_max_failed_attempts) await lockAccount(tx, lockout, attempt, user.lockCount, now);
  }, QUEUE);
}

/**
 * After a right password: resets the account's consecutive failures and lock (as before) and
 * this address's pair, and takes the attempt back out of the hourly window. Other addresses'
 * pairs keep their counts, so an attacker elsewhere gains nothing from the owner signing in.
 * `signedInAt` (a session opens) is the user page's "last sign-in", in the same statement.
 */
export async function clearFailures(tx: Tx, attempt: Attempt, signedInAt?: Date): Promise<void> {
  await tx.user.update({
    where: { id: attempt.userId, tenantId: attempt.tenantId },
    data: { failedAttempts: 0, lockCount: 0, lockedUntil: null, ...(signedInAt ? { lastSignInAt: signedInAt } : {}) },
  });
  await tx.user.updateMany({ where: { id: attempt.userId, failuresInWindow: { gt: 0 } }, data: { failuresInWindow: { decrement: 1 } } });
  await tx.addressLockout.deleteMany({ where: { tenantId: attempt.tenantId, userId: attempt.userId, address: attempt.address } });
}

/** A reserved attempt whose password was never checked (the user store did not answer): it counts for nothing. */
export async function releaseAttempt(client: Db, attempt: Attempt, reason: string, via: string): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.user.updateMany({ where: { id: attempt.userId, failedAttempts: { gt: 0 } }, data: { failedAttempts: { decrement: 1 } } });
    await auditFailure(tx, attempt, reason, via);
  }, QUEUE);
}

type FailedAttempt = Pick<Attempt, "tenantId" | "ip" | "username"> & { userId: number | null };

export function auditFailure(client: Pick<Tx, "auditEvent">, attempt: FailedAttempt, reason: string, via: string) {
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

async function lockPair(tx: Tx, lockout: Lockout, attempt: Attempt, previousLocks: number, now: Date) {
  const lockedUntil = new Date(now.getTime() + lockDurationMs(lockout, previousLocks));
  await tx.addressLockout.update({
    where: { userId_address: { userId: attempt.userId, address: attempt.address } },
    data: { lockedUntil, failedAttempts: 0, lockCount: { increment: 1 } },
  });
  const after = { address: attempt.address, lockedUntil: lockedUntil.toISOString(), lock: previousLocks + 1 };
  await auditLock(tx, attempt, "auth.address_locked", after);
}

async function lockAccount(tx: Tx, lockout: Lockout, attempt: Attempt, previousLocks: number, now: Date) {
  const lockedUntil = new Date(now.getTime() + lockDurationMs(lockout, previousLocks));
  await tx.user.update({ where: { id: attempt.userId }, data: { lockedUntil, failedAttempts: 0, lockCount: { increment: 1 } } });
  await auditLock(tx, attempt, "auth.account_locked", { lockedUntil: lockedUntil.toISOString(), lock: previousLocks + 1 });
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
