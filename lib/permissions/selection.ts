import { compactGrants, holds, implies } from "./paths.ts";
import { PERMISSION_TREE, type PermissionNode } from "./tree.ts";

export type CheckState = "checked" | "unchecked" | "mixed";

const NODES = new Map<string, { node: PermissionNode; parent?: string }>();
(function index(node: PermissionNode, parent?: string) {
  NODES.set(node.path, { node, parent });
  for (const child of node.children ?? []) index(child, node.path);
})(PERMISSION_TREE);

/** Checked when the node or an ancestor is granted; mixed when only something below it is. */
export function checkState(grants: readonly string[], path: string): CheckState {
  if (holds(grants, path)) return "checked";
  return grants.some((g) => implies(path, g)) ? "mixed" : "unchecked";
}

/**
 * Clicking a node's checkbox. Checking grants the node (and so everything below it).
 * Unchecking a node that an ancestor grant covers splits that grant: the ancestor is replaced
 * by its other children, level by level, so everything else stays granted.
 */
export function toggle(grants: readonly string[], path: string): string[] {
  if (checkState(grants, path) !== "checked") return compactGrants([...grants, path]);
  const cover = grants.find((g) => g !== path && implies(g, path));
  let next = grants.filter((g) => !implies(path, g));
  if (cover) {
    next = next.filter((g) => g !== cover);
    for (let at = path; at !== cover; at = NODES.get(at)!.parent!) {
      const parent = NODES.get(NODES.get(at)!.parent!)!.node;
      next.push(...(parent.children ?? []).map((c) => c.path).filter((p) => p !== at));
    }
  }
  return compactGrants(next);
}
