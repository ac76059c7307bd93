import { implies } from "./paths.ts";
import { PERMISSION_TREE, type PermissionNode, type PermissionPath } from "./tree.ts";

export type FlatPermission = { path: PermissionPath; name: string; description: string; depth: number; trail: string[] };

function flatten(node: PermissionNode, depth: number, trail: string[], out: FlatPermission[]) {
  const here = [...trail, node.name];
  out.push({ path: node.path as PermissionPath, name: node.name, description: node.description, depth, trail: here });
  for (const child of node.children ?? []) flatten(child, depth + 1, here, out);
}

/** Every node in tree order (parents before children). */
export const ALL_PERMISSIONS: readonly FlatPermission[] = (() => {
  const out: FlatPermission[] = [];
  flatten(PERMISSION_TREE, 0, [], out);
  return out;
})();

const BY_PATH = new Map(ALL_PERMISSIONS.map((p) => [p.path as string, p]));

export function isPermissionPath(path: string): path is PermissionPath {
  return BY_PATH.has(path);
}

export function describePermission(path: string): FlatPermission | undefined {
  return BY_PATH.get(path);
}

/** The nodes a set of grants covers, in tree order, each with the grant that covers it. */
export function effectivePermissions(grants: readonly string[]): (FlatPermission & { via: string })[] {
  return ALL_PERMISSIONS.flatMap((p) => {
    const via = grants.find((g) => implies(g, p.path));
    return via ? [{ ...p, via }] : [];
  });
}
