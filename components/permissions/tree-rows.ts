import type { PermissionNode } from "@/lib/permissions/tree";

export type TreeRow = {
  node: PermissionNode;
  level: number;
  setSize: number;
  position: number;
  hasChildren: boolean;
  open: boolean;
  parent?: string;
};

function matches(node: PermissionNode, needle: string): boolean {
  return node.name.toLowerCase().includes(needle) || node.path.toLowerCase().includes(needle);
}

function subtreeMatches(node: PermissionNode, needle: string): boolean {
  return matches(node, needle) || (node.children ?? []).some((c) => subtreeMatches(c, needle));
}

/**
 * The rows the tree shows, flattened in order. With a filter, a node is shown when it or
 * something below it matches, and every shown node is open, so each match keeps its path.
 */
export function visibleRows(tree: PermissionNode, expanded: ReadonlySet<string>, filter: string): TreeRow[] {
  const needle = filter.trim().toLowerCase();
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly PermissionNode[], level: number, parent?: string) => {
    const shown = needle ? nodes.filter((n) => subtreeMatches(n, needle)) : nodes;
    shown.forEach((node, i) => {
      const hasChildren = (node.children?.length ?? 0) > 0;
      const open = hasChildren && (needle ? true : expanded.has(node.path));
      rows.push({ node, level, setSize: shown.length, position: i + 1, hasChildren, open, parent });
      if (open) walk(node.children ?? [], level + 1, node.path);
    });
  };
  walk([tree], 1);
  return rows;
}
