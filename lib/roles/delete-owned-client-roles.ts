import type { Tx } from "../db/client.ts";

/**
 * Deleting a user deletes their OAuth2 clients (a cascade); their Application roles would be
 * left behind, so user deletion calls this first, in its own transaction.
 */
export async function deleteOwnedClientRoles(tx: Pick<Tx, "role">, tenantId: number, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.role.deleteMany({ where: { tenantId, oauthClient: { ownerId: { in: [...userIds] } } } });
}
