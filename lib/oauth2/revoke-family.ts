import type { Db } from "../db/client.ts";

/** Ends every token descended from one grant (refresh-token reuse, client deletion's cousin). */
export async function revokeFamily(client: Db, tenantId: number, family: string, reason: string): Promise<number> {
  const { count } = await client.session.updateMany({
    where: { tenantId, revokedAt: null, oauth: { family } },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}
