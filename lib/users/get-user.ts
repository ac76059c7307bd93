import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { qualifiedName } from "../core/domains.ts";
import type { UserFacts } from "./user-rules.ts";

export type UserRole = { id: number; qualified: string; kind: string; readOnly: boolean; grants: string[] };
export type UserDetail = UserFacts & {
  qualified: string;
  storeId: number;
  version: number;
  lockedUntil: Date | null;
  createdAt: Date;
  claims: Record<string, string>;
  roles: UserRole[];
};

/** One user of the tenant with claims, roles and grants, or NOT_FOUND. */
export async function getUser(client: Pick<Db | Tx, "user">, tenantId: number, id: number): Promise<UserDetail> {
  const user = await client.user.findFirst({
    where: { id, tenantId },
    select: {
      id: true,
      username: true,
      storeId: true,
      version: true,
      lockedUntil: true,
      createdAt: true,
      store: { select: { domain: true, readOnly: true } },
      claims: { select: { claim: true, value: true } },
      memberships: {
        select: {
          role: {
            select: {
              id: true,
              name: true,
              kind: true,
              store: { select: { domain: true, readOnly: true } },
              grants: { select: { permission: true } },
            },
          },
        },
      },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
  const roles = user.memberships
    .map(({ role }) => ({
      id: role.id,
      qualified: qualifiedName(role.store.domain, role.name),
      kind: role.kind,
      readOnly: role.store.readOnly,
      grants: role.grants.map((g) => g.permission),
    }))
    .sort((a, b) => a.qualified.localeCompare(b.qualified));
  return {
    id: user.id,
    username: user.username,
    domain: user.store.domain,
    qualified: qualifiedName(user.store.domain, user.username),
    storeId: user.storeId,
    readOnly: user.store.readOnly,
    version: user.version,
    lockedUntil: user.lockedUntil,
    createdAt: user.createdAt,
    isAdminMember: roles.some((r) => r.kind === "admin"),
    grants: [...new Set(roles.flatMap((r) => r.grants))],
    claims: Object.fromEntries(user.claims.map((c) => [c.claim, c.value])),
    roles,
  };
}
