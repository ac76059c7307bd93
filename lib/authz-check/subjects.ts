/**
 * Loads what the decision API needs about many users at once: each user's roles with their
 * permission grants, plus the tenant's Internal/everyone role (implicit for everyone). The
 * number of queries does not depend on how many checks are asked, only on how many distinct
 * users and roles they involve: stores, then users, memberships and roles with their grants,
 * each in chunks of CHUNK ids (SQLite through Prisma refuses more than 999 bound parameters).
 */
import type { Db } from "../db/client.ts";
import { nameKey, qualifiedName, sameDomain, splitQualifiedName } from "../core/domains.ts";

export type GrantingRole = { id: number; name: string; grants: readonly string[] };
/** A known user's roles, Internal/everyone included. */
export type Subject = { userId: number; roles: readonly GrantingRole[] };

/** The cache key for a username: "alice", "PRIMARY/Alice" and "primary/ALICE" are the same user. */
export function userKey(username: string): string {
  const { domain, name } = splitQualifiedName(username.trim());
  return `${domain.toUpperCase()}/${nameKey(name)}`;
}

const CHUNK = 400;

/** Runs `query` over `ids` a chunk at a time, so no statement exceeds the bound-parameter limit. */
async function chunked<T, R>(ids: readonly T[], query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await query(ids.slice(i, i + CHUNK))));
  return out;
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
  const users = (
    await Promise.all(
      [...byStore].map(([storeId, keys]) =>
        chunked(keys, (chunk) =>
          db.user.findMany({
            where: { tenantId, storeId, usernameKey: { in: chunk } },
            select: { id: true, usernameKey: true, store: { select: { domain: true } } },
          }),
        ),
      ),
    )
  ).flat();
  const memberships = await chunked(
    users.map((u) => u.id),
    (chunk) => db.membership.findMany({ where: { userId: { in: chunk } }, select: { userId: true, roleId: true } }),
  );
  const roleSelect = {
    id: true,
    name: true,
    kind: true,
    store: { select: { domain: true } },
    grants: { select: { permission: true } },
  } as const;
  const roles = [
    ...(await chunked([...new Set(memberships.map((m) => m.roleId))], (chunk) =>
      db.role.findMany({ where: { tenantId, id: { in: chunk }, kind: { not: "everyone" } }, select: roleSelect }),
    )),
    ...(await db.role.findMany({ where: { tenantId, kind: "everyone" }, select: roleSelect })),
  ];
  const roleById = new Map(
    roles.map((r) => [r.id, { id: r.id, name: qualifiedName(r.store.domain, r.name), grants: r.grants.map((g) => g.permission) }]),
  );
  const everyone = roles.filter((r) => r.kind === "everyone").map((r) => roleById.get(r.id)!);

  const roleIdsByUser = new Map<number, number[]>();
  for (const m of memberships) roleIdsByUser.set(m.userId, [...(roleIdsByUser.get(m.userId) ?? []), m.roleId]);
  for (const user of users) {
    const held = (roleIdsByUser.get(user.id) ?? []).map((id) => roleById.get(id)).filter((r) => r !== undefined);
    found.set(`${user.store.domain.toUpperCase()}/${user.usernameKey}`, { userId: user.id, roles: [...held, ...everyone] });
  }
  return found;
}
