import { compactGrants, holds, implies } from "./paths.ts";
import { PERMISSION_TREE, type PermissionNode } from "./tree.ts";

export type CheckState = "checked" | "unchecked" | "mixed";

type NodeIndex = Map<string, { node: PermissionNode; parent?: string }>;
const indexes = new WeakMap<PermissionNode, NodeIndex>();
function nodesOf(tree: PermissionNode): NodeIndex {
  let nodes = indexes.get(tree);
  if (!nodes) {
    const built: NodeIndex = new Map();
    (function index(node: PermissionNode, parent?: string) {
      built.set(node.path, { node, parent });
      for (const child of node.children ?? []) index(child, node.path);
    })(tree);
    indexes.set(tree, (nodes = built));
  }
  return nodes;
}

/** Checked when the node or an ancestor is granted; mixed when only something below it is. */
export function checkState(grants: readonly string[], path: string): CheckState {
  if (holds(grants, path)) return "checked";
  return grants.some((g) => implies(path, g)) ? "mixed" : "unchecked";
}

/**
 * Clicking a node's checkbox. Checking grants the node (and so everything below it).
 * Unchecking a node that an ancestor grant covers splits that grant: the ancestor is replaced
 * by its other children, level by level, so everything else stays granted. The children are
 * those of `tree`, the tenant's own (lib/permissions/tenant-tree.ts): splitting a tenant's
 * "/permission" must not hand out the Super Admin Permissions it never showed.
 */
export function toggle(grants: readonly string[], path: string, tree: PermissionNode = PERMISSION_TREE): string[] {
  const nodes = nodesOf(tree);
  if (checkState(grants, path) !== "checked") return compactGrants([...grants, path]);
  const cover = grants.find((g) => g !== path && implies(g, path));
  let next = grants.filter((g) => !implies(path, g));
  if (cover) {
    next = next.filter((g) => g !== cover);
    for (let at = path; at !== cover; at = nodes.get(at)!.parent!) {
      const parent = nodes.get(nodes.get(at)!.parent!)!.node;
      next.push(...(parent.children ?? []).map((c) => c.path).filter((p) => p !== at));
    }
  }
  return compactGrants(next);
}
