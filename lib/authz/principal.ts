import type { Db } from "../db/client.ts";
import { qualifiedName } from "../stores/domains.ts";

/** Who is calling, with everything authorization needs, loaded fresh for every request. */
export type Principal = {
  userId: number;
  tenantId: number;
  username: string;
  /** The name as WSO2 shows it: bare in PRIMARY, "DOMAIN/name" elsewhere. */
  displayName: string;
  sessionId: string;
  sessionKind: "console" | "api";
  mustChangePassword: boolean;
  isAdmin: boolean;
  roles: { id: number; name: string; kind: string }[];
  /** Granted permission paths; each also grants everything below it. */
  grants: string[];
};

export type SubjectRoles = Pick<Principal, "isAdmin" | "roles" | "grants">;

/** Who performs a write, and from where: what every audited mutation needs. */
export type Actor = { principal: Principal; ip: string };

/** The roles of a user and what they grant. Internal/everyone carries no permissions, so it is left out. */
export async function loadSubjectRoles(client: Pick<Db, "role">, tenantId: number, userId: number): Promise<SubjectRoles> {
  const roles = await client.role.findMany({
    where: { tenantId, memberships: { some: { userId } } },
    select: { id: true, name: true, kind: true, store: { select: { domain: true } }, grants: { select: { permission: true } } },
  });
  return {
    isAdmin: roles.some((r) => r.kind === "admin"),
    roles: roles.map((r) => ({ id: r.id, name: qualifiedName(r.store.domain, r.name), kind: r.kind })),
    grants: [...new Set(roles.flatMap((r) => r.grants.map((g) => g.permission)))],
  };
}
