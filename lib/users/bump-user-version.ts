import type { Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";

/** Compare-and-increment on the user row; refuses a save based on an outdated view. */
export async function bumpUserVersion(tx: Pick<Tx, "user">, tenantId: number, id: number, version: number, data: Record<string, unknown> = {}): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id, tenantId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new AppError("STALE_VERSION", "Someone else changed this user after you opened it. Reload to see their change, then try again.");
}
