import type { Db, Tx } from "../db/client.ts";
import { int, readRows, type Reader } from "../db/raw-read.ts";
import { sql } from "../db/sql.ts";
import { AppError } from "../errors.ts";

/*
 * An account's disabled flag and lockout are Gatehouse's state on the user's row, for every
 * store: an LDAP or JDBC user is disabled here, never in the directory (docs/users.md). So these
 * writes are the same whatever store the user belongs to, and need no UserStore method.
 */

// Callers take the user's version first (lockUserVersion), so these change the state only.

/** Sets (disable) or clears (enable) `disabledAt`. */
export async function writeDisabled(tx: Tx, tenantId: number, id: number, disabledAt: Date | null): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id, tenantId }, data: { disabledAt } });
  if (count !== 1) throw new AppError("NOT_FOUND", "That user does not exist.");
}

/**
 * Ends the account's lock and its failure counts, and every address's lock on it. The hourly
 * ceiling's window is left: it caps guesses, and an administrator's unlock is no reason to give
 * an attacker a fresh hour.
 */
export async function writeUnlocked(tx: Tx, tenantId: number, id: number): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id, tenantId }, data: { lockedUntil: null, failedAttempts: 0 } });
  if (count !== 1) throw new AppError("NOT_FOUND", "That user does not exist.");
  await tx.addressLockout.deleteMany({ where: { tenantId, userId: id } });
}

/**
 * How many holders of the tenant's admin role, other than `userId`, are not disabled. Its first
 * statement touches the admin role's row (changing nothing), which on PostgreSQL queues
 * concurrent disables behind one another, so two admins disabling the last two others cannot
 * both see one left. SQLite's write transactions are exclusive already.
 */
export async function otherEnabledAdmins(tx: Db | Tx, tenantId: number, userId: number): Promise<number> {
  await tx.$executeRaw(sql`UPDATE "Role" SET "version" = "version" WHERE "tenantId" = ${tenantId} AND "kind" = 'admin'`);
  return countOtherEnabledAdmins(tx, tenantId, userId);
}

/** The same count without the lock, for a page deciding whether to offer Disable. */
export async function countOtherEnabledAdmins(client: Reader, tenantId: number, userId: number): Promise<number> {
  const [row] = await readRows(
    client,
    sql`SELECT COUNT(DISTINCT u."id") AS "n" FROM "Membership" m
      JOIN "Role" r ON r."id" = m."roleId" JOIN "User" u ON u."id" = m."userId"
      WHERE r."tenantId" = ${tenantId} AND r."kind" = 'admin' AND u."disabledAt" IS NULL AND u."id" <> ${userId}`,
    (r) => int(r.n),
  );
  return row ?? 0;
}
