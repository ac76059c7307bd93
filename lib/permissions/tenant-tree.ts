import { ALL_PERMISSIONS, type FlatPermission } from "./catalog.ts";
import { implies } from "./paths.ts";
import { PERMISSION_TREE, type PermissionNode } from "./tree.ts";

/**
 * Super Admin Permissions (seed 003): server-wide functions, tenants among them. WSO2 keeps them
 * in the super tenant's tree only; every other tenant's tree stops at Admin Permissions.
 */
export const PROTECTED_ROOT = "/permission/protected";

/** Whether a path is a Super Admin Permission. The root "/permission" is not: it covers them, but is no such node. */
export function isProtectedPermission(path: string): boolean {
  return implies(PROTECTED_ROOT, path);
}

const TENANT_TREE: PermissionNode = {
  ...PERMISSION_TREE,
  description: "Every permission of this tenant.",
  children: PERMISSION_TREE.children.filter((c) => !isProtectedPermission(c.path)),
};

/** The tree a tenant offers: the whole tree in the super tenant, without Super Admin Permissions elsewhere. */
export function permissionTreeFor(superTenant: boolean): PermissionNode {
  return superTenant ? PERMISSION_TREE : TENANT_TREE;
}

const TENANT_PERMISSIONS = ALL_PERMISSIONS.filter((p) => !isProtectedPermission(p.path));

/** Every node of the tenant's tree, in tree order. */
export function permissionsFor(superTenant: boolean): readonly FlatPermission[] {
  return superTenant ? ALL_PERMISSIONS : TENANT_PERMISSIONS;
}
