import type { Db, Tx } from "../db/client.ts";

/** Ends one session. Returns false when it was already over, so callers can say so. */
export async function revokeSessionById(tx: Pick<Tx, "session">, tenantId: number, id: string, reason: string): Promise<boolean> {
  const { count } = await tx.session.updateMany({
    where: { id, tenantId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count === 1;
}

/** Ends every open session of a user, optionally keeping one (the caller's own). */
export async function revokeUserSessions(
  tx: Pick<Db, "session">,
  tenantId: number,
  userId: number,
  reason: string,
  keepId?: string,
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { tenantId, userId, revokedAt: null, ...(keepId ? { NOT: { id: keepId } } : {}) },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}
