import type { Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";

const staleUser = () =>
  new AppError("STALE_VERSION", "Someone else changed this user after you opened it. Reload to see their change, then try again.");

/** Compare-and-increment on the user row; refuses a save based on an outdated view. */
export async function bumpUserVersion(
  tx: Pick<Tx, "user">,
  tenantId: number,
  id: number,
  version: number,
  data: Record<string, unknown> = {},
): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id, tenantId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw staleUser();
}

/**
 * Increments the version as a write's first statement, for writes that read the user after it:
 * on PostgreSQL the update takes the row lock, so concurrent edits of one user queue and each
 * reads what the previous one committed. With `expected` (an editor's previewed version) a
 * save based on an outdated view is refused; without it the edit applies to the user as it is.
 */
export async function lockUserVersion(tx: Pick<Tx, "user">, tenantId: number, id: number, expected?: number): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id, tenantId }, data: { version: { increment: 1 } } });
  if (count !== 1) throw new AppError("NOT_FOUND", "That user does not exist.");
  if (expected === undefined) return;
  const { version } = await tx.user.findFirstOrThrow({ where: { id, tenantId }, select: { version: true } });
  if (version !== expected + 1) throw staleUser();
}
