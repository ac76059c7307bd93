"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { describePermission } from "@/lib/permissions/catalog";
import { PERMISSION_CONTEXT } from "@/lib/permissions/labels";
import { holds } from "@/lib/permissions/paths";
import { checkState, toggle } from "@/lib/permissions/selection";
import { permissionsFor, permissionTreeFor } from "@/lib/permissions/tenant-tree";
import type { PermissionNode } from "@/lib/permissions/tree";
import { Button } from "@/components/ui/Button";
import { FilterInput } from "@/components/ui/FilterInput";
import { visibleRows, type TreeRow } from "./tree-rows";
import { TreeItem } from "./TreeItem";
import { useTypeAhead } from "./useTypeAhead";

type Props = {
  /** Granted paths (compacted). */
  value: readonly string[];
  onChange?: (next: string[]) => void;
  /** The editor's own grants: nodes outside them cannot be checked (no escalation). */
  grantable?: readonly string[];
  label?: string;
  /** Whether the signed-in tenant is the super tenant: only its tree shows Super Admin Permissions. */
  superTenant: boolean;
};

function expandable(tree: PermissionNode): string[] {
  const out: string[] = [];
  (function walk(n: PermissionNode) {
    if (n.children?.length) out.push(n.path);
    n.children?.forEach(walk);
  })(tree);
  return out;
}

/**
 * The WSO2 permission tree as an accessible tree (WAI-ARIA tree pattern): tri-state
 * checkboxes, expand and collapse, a filter that keeps matching paths visible, arrow-key
 * navigation with a roving tab stop, type-ahead, Space to check. Without onChange it is read-only.
 * The focused (or hovered) node's description shows in a box of fixed height above the tree:
 * shown inside the rows it pushed everything below it when focus moved, and a click that
 * started on a button below landed beside it.
 */
export function PermissionTree({ value, onChange, grantable, label = "Permissions", superTenant }: Props) {
  const tree = permissionTreeFor(superTenant);
  const nodes = permissionsFor(superTenant);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(["/permission", "/permission/admin"]));
  const [filter, setFilter] = useState("");
  const [focused, setFocused] = useState("/permission");
  const [hovered, setHovered] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const ids = useId();
  const rows = useMemo(() => visibleRows(tree, expanded, filter), [tree, expanded, filter]);
  const readOnly = !onChange;
  const tabStop = rows.some((r) => r.node.path === focused) ? focused : rows[0]?.node.path;
  const covered = useMemo(() => nodes.filter((p) => holds(value, p.path)).length, [nodes, value]);
  const shown = describePermission(hovered ?? tabStop ?? "/permission");

  const canCheck = (path: string) => !readOnly && (grantable === undefined || holds(grantable, path));
  const focus = (path: string) => {
    setFocused(path);
    refs.current.get(path)?.focus();
  };
  // The box follows whichever moved last: a pointer resting over the tree (hover is taken from real
  // mouse moves, not the enter events a re-layout fires under a still pointer) must not hide the node reached by keyboard.
  const onItemFocus = (path: string) => {
    setFocused(path);
    setHovered(null);
  };
  const typeAhead = useTypeAhead(
    rows,
    (row) => row.node.name,
    (row) => focus(row.node.path),
  );
  const setOpen = (path: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(path);
      else next.delete(path);
      return next;
    });
  const flip = (path: string) => {
    if (canCheck(path)) onChange?.(toggle(value, path, tree));
  };

  function onKeyDown(event: KeyboardEvent, row: TreeRow, index: number) {
    const move = (to: number) => rows[to] && focus(rows[to].node.path);
    const handled = () => event.preventDefault();
    switch (event.key) {
      case "ArrowDown":
        handled();
        return move(index + 1);
      case "ArrowUp":
        handled();
        return move(index - 1);
      case "Home":
        handled();
        return move(0);
      case "End":
        handled();
        return move(rows.length - 1);
      case "ArrowRight":
        handled();
        if (!row.hasChildren) return;
        return row.open ? move(index + 1) : setOpen(row.node.path, true);
      case "ArrowLeft":
        handled();
        if (row.hasChildren && row.open && !filter) return setOpen(row.node.path, false);
        return row.parent && focus(row.parent);
      case "*":
        handled();
        return setExpanded(
          (prev) => new Set([...prev, ...rows.filter((r) => r.parent === row.parent && r.hasChildren).map((r) => r.node.path)]),
        );
      case " ":
      case "Enter":
        handled();
        return flip(row.node.path);
    }
    if (typeAhead(event, index)) handled();
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-end gap-2 border-b border-slate-200 p-3">
        <FilterInput label="Filter permissions" value={filter} onChange={setFilter} placeholder="Name or path, e.g. usermgt" wide />
        <Button variant="secondary" size="sm" onClick={() => setExpanded(new Set(expandable(tree)))}>
          Expand all
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setExpanded(new Set(["/permission"]))}>
          Collapse all
        </Button>
        <p className="w-full text-sm text-slate-700" aria-live="polite" data-testid="selected-count">
          {covered === 0 ? "No permissions selected." : `${covered} of ${nodes.length} permissions selected.`}
        </p>
      </div>
      <div className="h-20 overflow-hidden border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="permission-details">
        {shown && (
          <>
            <p className="font-medium">{shown.trail.slice(1).join(" › ") || shown.name}</p>
            <p className="line-clamp-1 text-slate-700">{shown.description}</p>
            <code className="block truncate text-xs text-slate-600">{shown.path}</code>
          </>
        )}
      </div>
      <div
        role="tree"
        aria-label={label}
        aria-multiselectable="true"
        className="max-h-[32rem] overflow-y-auto p-2"
        onMouseLeave={() => setHovered(null)}
      >
        {rows.length === 0 && <p className="p-3 text-sm text-slate-600">No permission matches “{filter}”.</p>}
        {rows.map((row, index) => (
          <TreeItem
            key={row.node.path}
            row={row}
            context={PERMISSION_CONTEXT.get(row.node.path) ?? ""}
            state={checkState(value, row.node.path)}
            checkable={canCheck(row.node.path)}
            tabStop={row.node.path === tabStop}
            descriptionId={`${ids}-d-${index}`}
            itemRef={(el) => {
              if (el) refs.current.set(row.node.path, el);
              else refs.current.delete(row.node.path);
            }}
            onKeyDown={(e) => onKeyDown(e, row, index)}
            onFocus={() => onItemFocus(row.node.path)}
            onHover={() => hovered !== row.node.path && setHovered(row.node.path)}
            onToggleOpen={() => setOpen(row.node.path, !row.open)}
            onFlip={() => flip(row.node.path)}
          />
        ))}
      </div>
    </div>
  );
}
