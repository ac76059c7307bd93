/**
 * DELETE /client-registration/v0.17/register?applicationName=… (or consumerKey=…): the owner,
 * or a holder of the admin role, removes a client. Its tokens end, and its Application role
 * goes with it, as in WSO2.
 */
import { recordAudit } from "../audit/record.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { nameKey } from "../core/domains.ts";
import type { TDeleteClient } from "./dcr-input.ts";
import type { Registrant } from "./register-client.ts";

export async function deleteClient(client: Db, who: Registrant & { isAdmin: boolean }, input: TDeleteClient, ip: string): Promise<void> {
  const { tenantId } = who;
  await client.$transaction(async (tx) => {
    const row = await tx.oAuthClient.findFirst({
      where: {
        tenantId,
        ...(input.consumerKey ? { clientId: input.consumerKey } : {}),
        ...(input.applicationName ? { nameKey: nameKey(input.applicationName) } : {}),
      },
    });
    if (!row || (row.ownerId !== who.userId && !who.isAdmin)) throw new AppError("NOT_FOUND", "There is no such client of yours.");
    const { count } = await tx.session.updateMany({
      where: { tenantId, revokedAt: null, oauth: { clientId: row.id } },
      data: { revokedAt: new Date(), revokedReason: "client deleted" },
    });
    await tx.oAuthClient.delete({ where: { id: row.id } });
    if (row.roleId) await tx.role.deleteMany({ where: { id: row.roleId, tenantId } });
    await recordAudit(tx, {
      tenantId,
      actor: { id: who.userId, name: who.displayName },
      action: "oauth.client_deleted",
      target: { type: "oauth_client", id: row.clientId, name: row.name },
      after: { tokensRevoked: count },
      ip,
    });
  });
}
