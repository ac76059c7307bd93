/**
 * Which of the requested scopes a user may have: the Role Permissions page decides. A scope is
 * granted when one of the user's roles (Internal/everyone included, as everybody holds it) or a
 * role that one of them is an alias of is mapped to it. Unlike WSO2, a scope with no role
 * mapped, or one the catalog does not know, is granted to nobody.
 *
 * Tokens remember what they were granted; every use and every introspection intersects that
 * with this function's answer, so a mapping change applies at once.
 */
import type { Db, Tx } from "../db/client.ts";
import { FEATURES, type FeatureKey } from "../authz/features.ts";
import { holds } from "../permissions/paths.ts";

type Client = Pick<Db | Tx, "role" | "roleAlias" | "apiScope">;

/**
 * WSO2 Identity Server's internal_* scopes are not mapped to roles: a user has one when they
 * hold the permission behind it (IS's ResourceAccessControl). These are the ones Gatehouse's
 * routes ask for; the route still runs every check of its command.
 */
const INTERNAL_SCOPES: Record<string, FeatureKey> = {
  internal_list_tenants: "tenants.view",
  internal_modify_tenants: "tenants.manage",
  // SCIM 2.0 (lib/scim/route-options.ts): IS's user and group management scopes, and /Me's.
  internal_user_mgt_list: "users.list",
  internal_user_mgt_view: "users.list",
  internal_user_mgt_create: "users.create",
  // IS's usermgt/update permission, behind users.profile and users.accountState alike; PUT and PATCH decide each change.
  internal_user_mgt_update: "users.profile",
  internal_user_mgt_delete: "users.delete",
  internal_group_mgt_list: "roles.list",
  internal_group_mgt_view: "roles.list",
  internal_group_mgt_create: "roles.create",
  internal_group_mgt_update: "roles.update",
  internal_group_mgt_delete: "roles.delete",
  internal_login: "console.signIn",
};

/** WSO2 answers "default" when none of the requested scopes is granted; so do we. */
export const DEFAULT_SCOPE = "default";

export async function grantedScopes(client: Client, tenantId: number, userId: number, requested: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(requested.filter((s) => s !== DEFAULT_SCOPE))];
  if (wanted.length === 0) return [];
  const roles = await client.role.findMany({
    where: { tenantId, OR: [{ memberships: { some: { userId } } }, { kind: "everyone" }] },
    select: { id: true },
  });
  const held = roles.map((r) => r.id);
  const targets = await client.roleAlias.findMany({ where: { aliasRoleId: { in: held }, role: { tenantId } }, select: { roleId: true } });
  const effective = [...new Set([...held, ...targets.map((t) => t.roleId)])];
  const scopes = await client.apiScope.findMany({
    where: { tenantId, name: { in: wanted }, roles: { some: { roleId: { in: effective } } } },
    select: { name: true },
  });
  const granted = new Set(scopes.map((s) => s.name));
  const internal = wanted.filter((s) => s in INTERNAL_SCOPES);
  if (internal.length > 0) {
    const grants = await client.role.findMany({ where: { id: { in: held } }, select: { grants: { select: { permission: true } } } });
    const paths = grants.flatMap((r) => r.grants.map((g) => g.permission));
    for (const scope of internal) if (FEATURES[INTERNAL_SCOPES[scope]!].anyOf.some((p) => holds(paths, p))) granted.add(scope);
  }
  return wanted.filter((s) => granted.has(s));
}

/** The scope string a token answer shows: the granted scopes, or "default" when there are none. */
export function scopeString(scopes: readonly string[]): string {
  return scopes.length > 0 ? scopes.join(" ") : DEFAULT_SCOPE;
}

export function parseScopes(value: string): string[] {
  return value.split(/\s+/).filter((s) => s.length > 0 && s !== DEFAULT_SCOPE);
}
