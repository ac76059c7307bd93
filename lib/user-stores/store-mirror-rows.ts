import type { Db, Tx } from "../db/client.ts";

/** What a secondary store's rows in Gatehouse amount to: its mirrored users and groups, their sessions and hybrid-role memberships. */
export type StoreMirrorCounts = { users: number; groups: number; sessions: number; internalMemberships: number };

export async function countStoreMirror(client: Db | Tx, tenantId: number, storeId: number): Promise<StoreMirrorCounts> {
  const ofStore = { tenantId, storeId };
  // Sequential: a transaction has one connection, and pg refuses overlapping queries on it.
  const users = await client.user.count({ where: ofStore });
  const groups = await client.role.count({ where: ofStore });
  const sessions = await client.session.count({ where: { tenantId, revokedAt: null, user: ofStore } });
  const internalMemberships = await client.membership.count({ where: { user: ofStore, role: { tenantId, storeId: { not: storeId } } } });
  return { users, groups, sessions, internalMemberships };
}

/**
 * Removes a store's mirror from Gatehouse inside the caller's transaction: its users (their
 * sessions, memberships and lockout rows cascade) and its groups (their grants and scope
 * mappings cascade). The directory itself is not touched.
 */
export async function deleteStoreMirror(tx: Tx, tenantId: number, storeId: number): Promise<void> {
  await tx.user.deleteMany({ where: { tenantId, storeId } });
  await tx.role.deleteMany({ where: { tenantId, storeId } });
}
