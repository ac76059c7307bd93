import type { Db } from "../db/client.ts";
import { qualifiedName } from "../core/domains.ts";

/** Who is calling, with everything authorization needs, loaded fresh for every request. */
export type Principal = {
  userId: number;
  tenantId: number;
  username: string;
  /** The name as WSO2 shows it: bare in PRIMARY, "DOMAIN/name" elsewhere. */
  displayName: string;
  sessionId: string;
  sessionKind: "console" | "api" | "oauth";
  /** Set for OAuth2 access tokens only: the scopes the token holds now. Routes then also check their scope. */
  scopes?: string[];
  mustChangePassword: boolean;
  isAdmin: boolean;
  roles: { id: number; name: string; kind: string }[];
  /** Granted permission paths; each also grants everything below it. */
  grants: string[];
  /** The tenant's authorization version read with the session (lib/authz/version.ts); the decision API answers at it or newer. */
  authzVersion?: number;
};

export type SubjectRoles = Pick<Principal, "isAdmin" | "roles" | "grants">;

/** The principal acting, and from where: what every command and audited write takes. One type, so a write reads `actor.tenantId`. */
export type Actor = Principal & { ip: string };

/**
 * The roles of a user and what they grant. Every user holds Internal/everyone implicitly (no
 * membership row), so its grants are added while the role itself is not listed.
 */
export async function loadSubjectRoles(client: Pick<Db, "role">, tenantId: number, userId: number): Promise<SubjectRoles> {
  const rows = await client.role.findMany({
    where: { tenantId, OR: [{ memberships: { some: { userId } } }, { kind: "everyone" }] },
    select: { id: true, name: true, kind: true, store: { select: { domain: true } }, grants: { select: { permission: true } } },
  });
  const roles = rows.filter((r) => r.kind !== "everyone");
  return {
    isAdmin: roles.some((r) => r.kind === "admin"),
    roles: roles.map((r) => ({ id: r.id, name: qualifiedName(r.store.domain, r.name), kind: r.kind })),
    grants: [...new Set(rows.flatMap((r) => r.grants.map((g) => g.permission)))],
  };
}

/**
 * What each of several users holds through its roles, in one query: for lists and bulk
 * actions. Internal/everyone's grants are left out; every actor holds them too, so they never
 * decide an account action.
 */
export async function loadHeldGrants(
  client: Pick<Db, "membership">,
  tenantId: number,
  userIds: readonly number[],
): Promise<Map<number, string[]>> {
  const held = new Map<number, Set<string>>(userIds.map((id) => [id, new Set()]));
  if (userIds.length === 0) return new Map();
  const memberships = await client.membership.findMany({
    where: { userId: { in: [...userIds] }, role: { tenantId } },
    select: { userId: true, role: { select: { grants: { select: { permission: true } } } } },
  });
  for (const { userId, role } of memberships) for (const g of role.grants) held.get(userId)?.add(g.permission);
  return new Map([...held].map(([id, grants]) => [id, [...grants]]));
}
