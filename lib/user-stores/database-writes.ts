import { qualifiedName } from "../core/domains.ts";
import type { Tx } from "../db/client.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../errors.ts";
import { usernameColumns } from "../stores/look-alike.ts";
import type { NewStoreUser, Rehash, StoreRef, UserChange } from "./user-store.ts";

const staleUser = () =>
  new AppError("STALE_VERSION", "Someone else changed this user after you opened it. Reload to see their change, then try again.");

/** The account row and its initial memberships, in one statement. */
export async function createDatabaseUser(tx: Tx, tenantId: number, store: StoreRef, user: NewStoreUser): Promise<{ id: number }> {
  const created = await tx.user
    .create({
      data: {
        tenantId,
        storeId: store.id,
        ...usernameColumns(user.username),
        passwordHash: user.password.stored,
        mustChangePassword: user.mustChangePassword ?? false,
        memberships: { create: user.roleIds.map((roleId) => ({ roleId })) },
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      // The caller's look-alike check passed, but a concurrent create of the same name committed first.
      if (isUniqueViolation(error)) {
        throw new AppError("CONFLICT", `A user named ${qualifiedName(store.domain, user.username)} already exists.`, { field: "username" });
      }
      if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", "A selected role was deleted meanwhile. Reload and try again.");
      throw error;
    });
  if (user.claims) await setDatabaseClaims(tx, created.id, user.claims);
  return created;
}

/** Compare-and-increment on the user row; refuses a save based on an outdated view. */
export async function updateDatabaseUser(tx: Tx, tenantId: number, id: number, change: UserChange): Promise<void> {
  const password = change.password;
  const data = password
    ? {
        passwordHash: password.value.stored,
        passwordChangedAt: new Date(),
        mustChangePassword: password.mustChange,
        ...(password.clearLockout ? { failedAttempts: 0, lockedUntil: null } : {}),
      }
    : {};
  const { count } = await tx.user.updateMany({
    where: { id, tenantId, version: change.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw staleUser();
}

/**
 * Increments the version as a write's first statement, for writes that read the user after it:
 * on PostgreSQL the update takes the row lock, so concurrent edits of one user queue and each
 * reads what the previous one committed. With `expected` (an editor's previewed version) a
 * save based on an outdated view is refused; without it the edit applies to the user as it is.
 */
export async function lockDatabaseUser(tx: Tx, tenantId: number, id: number, expected?: number): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id, tenantId }, data: { version: { increment: 1 } } });
  if (count !== 1) throw new AppError("NOT_FOUND", "That user does not exist.");
  if (expected === undefined) return;
  const { version } = await tx.user.findFirstOrThrow({ where: { id, tenantId }, select: { version: true } });
  if (version !== expected + 1) throw staleUser();
}

// Compare-and-set: an administrator's reset (or another sign-in's rehash) committed since the check wins.
export async function rehashDatabaseUser(tx: Tx, tenantId: number, id: number, password: Rehash): Promise<void> {
  await tx.user.updateMany({ where: { id, tenantId, passwordHash: password.replaces }, data: { passwordHash: password.stored } });
}

export async function setDatabaseClaims(tx: Tx, userId: number, claims: Record<string, string>): Promise<void> {
  for (const [claim, value] of Object.entries(claims)) {
    if (value === "") {
      await tx.userClaim.deleteMany({ where: { userId, claim } });
    } else {
      await tx.userClaim.upsert({ where: { userId_claim: { userId, claim } }, create: { userId, claim, value }, update: { value } });
    }
  }
}

/** Memberships, claims and sessions go with the rows (cascades). */
export async function deleteDatabaseUsers(tx: Tx, tenantId: number, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await tx.user.deleteMany({ where: { tenantId, id: { in: [...ids] } } });
  return count;
}
