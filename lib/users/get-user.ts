import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { qualifiedName } from "../core/domains.ts";
import { rolesOfUsers } from "../user-stores/roles-of-users.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import type { UserFacts } from "../authz/user-rules.ts";
import { countOtherEnabledAdmins, otherEnabledAdmins } from "../user-stores/account-state.ts";

export type UserRole = { id: number; qualified: string; kind: string; readOnly: boolean; external: boolean; grants: string[] };
export type UserDetail = UserFacts & {
  qualified: string;
  storeId: number;
  version: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  claims: Record<string, string>;
  roles: UserRole[];
};

/**
 * One user of the tenant with claims, roles, grants and account state, or NOT_FOUND. `admins`
 * also counts the other enabled admins when the user is one (the last-admin rule): "read" for
 * a page, "lock" inside a disable's transaction (lib/user-stores/account-state.ts).
 */
export async function getUser(client: Db | Tx, tenantId: number, id: number, admins?: "read" | "lock"): Promise<UserDetail> {
  const users = await tenantUserStore(client, tenantId);
  const user = await users.getUser(client, tenantId, id);
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
  const held = (await rolesOfUsers(client, tenantId, users, [id])).get(id) ?? [];
  const roles = held
    .map((role) => ({
      id: role.id,
      qualified: qualifiedName(role.domain, role.name),
      kind: role.kind,
      readOnly: role.readOnly,
      external: role.external,
      grants: role.grants,
    }))
    .sort((a, b) => a.qualified.localeCompare(b.qualified));
  const isAdminMember = roles.some((r) => r.kind === "admin");
  const now = new Date();
  const others =
    !isAdminMember || !admins
      ? undefined
      : admins === "lock"
        ? await otherEnabledAdmins(client, tenantId, id)
        : await countOtherEnabledAdmins(client, tenantId, id);
  return {
    id: user.id,
    username: user.username,
    domain: user.domain,
    qualified: qualifiedName(user.domain, user.username),
    storeId: user.storeId,
    readOnly: user.readOnly,
    version: user.version,
    lockedUntil: user.lockedUntil,
    disabledAt: user.disabledAt,
    lastSignInAt: user.lastSignInAt,
    createdAt: user.createdAt,
    isAdminMember,
    account: {
      disabled: user.disabledAt !== null,
      locked: user.lockedUntil !== null && user.lockedUntil > now,
      otherEnabledAdmins: others,
    },
    grants: [...new Set(roles.flatMap((r) => r.grants))],
    claims: user.claims,
    roles,
  };
}
