import type { FlatPermission } from "../permissions/catalog.ts";
import { permissionsFor } from "../permissions/tenant-tree.ts";
import { permissionTrail } from "../permissions/labels.ts";
import { permissionPhrase } from "../permissions/phrases.ts";
import { implies } from "../permissions/paths.ts";

type RoleGrants = { qualified: string; grants: readonly string[] };
export type Grantor = { role: string; via: string };
export type EffectivePermission = FlatPermission & { grantedBy: Grantor[] };

function grantorsOf(roles: readonly RoleGrants[], path: string): Grantor[] {
  return roles.flatMap((role) => role.grants.filter((g) => implies(g, path)).map((via) => ({ role: role.qualified, via })));
}

/**
 * Every permission a user holds, in tree order, with the roles (and the grant in each) that give
 * it: the nodes of the user's tenant only (a tenant's "/permission" holds no Super Admin Permissions).
 */
export function effectivePermissions(roles: readonly RoleGrants[], superTenant: boolean): EffectivePermission[] {
  return permissionsFor(superTenant).flatMap((p) => {
    const grantedBy = grantorsOf(roles, p.path);
    return grantedBy.length > 0 ? [{ ...p, grantedBy }] : [];
  });
}

export type Explanation = { allowed: boolean; reason: string; grantedBy: Grantor[] };

/** "Can this user do P?" answered as a sentence, e.g. "alice can delete users (Admin Permissions › …) through role ops." */
export function explainPermission(username: string, roles: readonly RoleGrants[], path: string): Explanation {
  const what = `${permissionPhrase(path)} (${permissionTrail(path)})`;
  const grantedBy = grantorsOf(roles, path);
  if (grantedBy.length === 0) {
    const held = roles.map((r) => r.qualified).join(", ") || "none besides Internal/everyone";
    return {
      allowed: false,
      reason: `${username} cannot ${what}: none of their roles (${held}) grants it or anything above it.`,
      grantedBy,
    };
  }
  const how = grantedBy
    .map((g) => (g.via === path ? `role ${g.role}` : `role ${g.role}, which grants ${permissionTrail(g.via)} and everything below it`))
    .join("; and through ");
  return { allowed: true, reason: `${username} can ${what} through ${how}.`, grantedBy };
}
