import type { Db, Tx } from "../db/client.ts";
import { int, readRowsByIds, text } from "../db/raw-read.ts";
import { sql } from "../db/sql.ts";
import { qualifiedName } from "../core/domains.ts";

/** Who is calling, with everything authorization needs, loaded fresh for every request. */
export type Principal = {
  userId: number;
  tenantId: number;
  /** The tenant's domain, e.g. "carbon.super" or "acme.com": shown in the header. */
  tenantDomain: string;
  /** The actor's tenant is carbon.super: only there do Super Admin Permissions count (decide.ts). */
  superTenant: boolean;
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
 * What each of several users holds through its roles, in one JOIN: for lists and bulk
 * actions. Internal/everyone's grants are left out; every actor holds them too, so they never
 * decide an account action.
 */
export async function loadHeldGrants(client: Db | Tx, tenantId: number, userIds: readonly number[]): Promise<Map<number, string[]>> {
  const held = new Map<number, string[]>(userIds.map((id) => [id, []]));
  const rows = await readRowsByIds(
    client,
    userIds,
    (ids) => sql`SELECT DISTINCT m."userId", g."permission"
      FROM "Membership" m
      JOIN "Role" r ON r."id" = m."roleId" AND r."tenantId" = ${tenantId}
      JOIN "RoleGrant" g ON g."roleId" = m."roleId"
      WHERE m."userId" IN (${ids})`,
    (r) => ({ userId: int(r.userId), permission: text(r.permission) }),
  );
  for (const { userId, permission } of rows) held.get(userId)?.push(permission);
  return held;
}
