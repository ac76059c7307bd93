/**
 * Loads what the decision API needs about many users at once: each user's roles with their
 * permission grants, plus the tenant's Internal/everyone role (implicit for everyone). The
 * number of queries does not depend on how many users are asked about: stores, users,
 * memberships, then the roles involved with their grants.
 */
import type { Db } from "../db/client.ts";
import { nameKey, qualifiedName, sameDomain, splitQualifiedName } from "../stores/domains.ts";

export type GrantingRole = { id: number; name: string; grants: readonly string[] };
/** A known user's roles, Internal/everyone included. */
export type Subject = { userId: number; roles: readonly GrantingRole[] };

/** The cache key for a username: "alice", "PRIMARY/Alice" and "primary/ALICE" are the same user. */
export function userKey(username: string): string {
  const { domain, name } = splitQualifiedName(username.trim());
  return `${domain.toUpperCase()}/${nameKey(name)}`;
}

export async function loadSubjects(db: Db, tenantId: number, usernames: readonly string[]): Promise<Map<string, Subject | null>> {
  const wanted = new Map(usernames.map((u) => [userKey(u), splitQualifiedName(u.trim())]));
  const found = new Map<string, Subject | null>([...wanted.keys()].map((k) => [k, null]));
  if (wanted.size === 0) return found;

  const stores = await db.userStore.findMany({ where: { tenantId }, select: { id: true, domain: true } });
  const byStore = new Map<number, string[]>();
  for (const { domain, name } of wanted.values()) {
    const store = stores.find((s) => sameDomain(s.domain, domain));
    if (store) byStore.set(store.id, [...(byStore.get(store.id) ?? []), nameKey(name)]);
  }
  const users = byStore.size === 0 ? [] : await db.user.findMany({
    where: { tenantId, OR: [...byStore].map(([storeId, keys]) => ({ storeId, usernameKey: { in: keys } })) },
    select: { id: true, usernameKey: true, store: { select: { domain: true } } },
  });
  const memberships = users.length === 0 ? [] : await db.membership.findMany({ where: { userId: { in: users.map((u) => u.id) } }, select: { userId: true, roleId: true } });
  const roles = await db.role.findMany({
    where: { tenantId, OR: [{ id: { in: [...new Set(memberships.map((m) => m.roleId))] } }, { kind: "everyone" }] },
    select: { id: true, name: true, kind: true, store: { select: { domain: true } }, grants: { select: { permission: true } } },
  });
  const roleById = new Map(roles.map((r) => [r.id, { id: r.id, name: qualifiedName(r.store.domain, r.name), grants: r.grants.map((g) => g.permission) }]));
  const everyone = roles.filter((r) => r.kind === "everyone").map((r) => roleById.get(r.id)!);

  const roleIdsByUser = new Map<number, number[]>();
  for (const m of memberships) roleIdsByUser.set(m.userId, [...(roleIdsByUser.get(m.userId) ?? []), m.roleId]);
  for (const user of users) {
    const held = (roleIdsByUser.get(user.id) ?? []).map((id) => roleById.get(id)).filter((r) => r !== undefined);
    found.set(`${user.store.domain.toUpperCase()}/${user.usernameKey}`, { userId: user.id, roles: [...held, ...everyone] });
  }
  return found;
}
