import { ALL_PERMISSIONS, describePermission, type FlatPermission } from "../permissions/catalog.ts";
import { implies } from "../permissions/paths.ts";

type RoleGrants = { qualified: string; grants: readonly string[] };
export type Grantor = { role: string; via: string };
export type EffectivePermission = FlatPermission & { grantedBy: Grantor[] };

function grantorsOf(roles: readonly RoleGrants[], path: string): Grantor[] {
  return roles.flatMap((role) => role.grants.filter((g) => implies(g, path)).map((via) => ({ role: role.qualified, via })));
}

/** Every permission a user holds, in tree order, with the roles (and the grant in each) that give it. */
export function effectivePermissions(roles: readonly RoleGrants[]): EffectivePermission[] {
  return ALL_PERMISSIONS.flatMap((p) => {
    const grantedBy = grantorsOf(roles, p.path);
    return grantedBy.length > 0 ? [{ ...p, grantedBy }] : [];
  });
}

export type Explanation = { allowed: boolean; reason: string; grantedBy: Grantor[] };

/** "Can this user do P?" with the reason either way. */
export function explainPermission(username: string, roles: readonly RoleGrants[], path: string): Explanation {
  const node = describePermission(path);
  const name = node ? node.trail.slice(1).join(" › ") : path;
  const grantedBy = grantorsOf(roles, path);
  if (grantedBy.length === 0) {
    return {
      allowed: false,
      reason: `${username} cannot ${name}: none of their roles (${roles.map((r) => r.qualified).join(", ") || "none besides Internal/everyone"}) grants it or any node above it.`,
      grantedBy,
    };
  }
  const how = grantedBy
    .map((g) => (g.via === path ? `role ${g.role} grants it` : `role ${g.role} grants ${g.via}, which includes it`))
    .join("; ");
  return { allowed: true, reason: `${username} can ${name}: ${how}.`, grantedBy };
}
