"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { holds } from "@/lib/permissions/paths";
import { checkState, toggle, type CheckState } from "@/lib/permissions/selection";
import { PERMISSION_TREE, type PermissionNode } from "@/lib/permissions/tree";
import { Button } from "@/components/ui/Button";
import { visibleRows, type TreeRow } from "./tree-rows";
import { FilterInput } from "@/components/ui/FilterInput";

type Props = {
  /** Granted paths (compacted). */
  value: readonly string[];
  onChange?: (next: string[]) => void;
  /** The editor's own grants: nodes outside them cannot be checked (no escalation). */
  grantable?: readonly string[];
  label?: string;
};

const ALL_EXPANDABLE = (() => {
  const out: string[] = [];
  (function walk(n: PermissionNode) {
    if (n.children?.length) out.push(n.path);
    n.children?.forEach(walk);
  })(PERMISSION_TREE);
  return out;
})();

/**
 * The WSO2 permission tree as an accessible tree (WAI-ARIA tree pattern): tri-state
 * checkboxes, expand and collapse, a filter that keeps matching paths visible, arrow-key
 * navigation with a roving tab stop, Space to check. Without onChange it is read-only.
 */
export function PermissionTree({ value, onChange, grantable, label = "Permissions" }: Props) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(["/permission", "/permission/admin"]));
  const [filter, setFilter] = useState("");
  const [focused, setFocused] = useState("/permission");
  const refs = useRef(new Map<string, HTMLDivElement>());
  const ids = useId();
  const rows = useMemo(() => visibleRows(expanded, filter), [expanded, filter]);
  const readOnly = !onChange;
  const tabStop = rows.some((r) => r.node.path === focused) ? focused : rows[0]?.node.path;

  const canCheck = (path: string) => !readOnly && (grantable === undefined || holds(grantable, path));
  const focus = (path: string) => {
    setFocused(path);
    refs.current.get(path)?.focus();
  };
  const setOpen = (path: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(path);
      else next.delete(path);
      return next;
    });
  const flip = (path: string) => {
    if (canCheck(path)) onChange?.(toggle(value, path));
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
      case " ":
      case "Enter":
        handled();
        return flip(row.node.path);
    }
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-end gap-2 border-b border-slate-200 p-3">
        <FilterInput label="Filter permissions" value={filter} onChange={setFilter} placeholder="Name or path, e.g. usermgt" wide />
        <Button variant="secondary" size="sm" onClick={() => setExpanded(new Set(ALL_EXPANDABLE))}>
          Expand all
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setExpanded(new Set(["/permission"]))}>
          Collapse all
        </Button>
      </div>
      <div role="tree" aria-label={label} aria-multiselectable="true" className="max-h-[32rem] overflow-y-auto p-2">
        {rows.length === 0 && <p className="p-3 text-sm text-slate-600">No permission matches “{filter}”.</p>}
        {rows.map((row, index) => {
          const path = row.node.path;
          const state: CheckState = checkState(value, path);
          const descriptionId = `${ids}-d-${index}`;
          return (
            <div
              key={path}
              ref={(el) => {
                if (el) refs.current.set(path, el);
                else refs.current.delete(path);
              }}
              // A checkbox tree: items carry aria-checked, and ARIA 1.2 no longer requires
              // aria-selected on a treeitem (jsx-a11y still follows ARIA 1.1).
              // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
              role="treeitem"
              aria-label={row.node.name}
              aria-level={row.level}
              aria-setsize={row.setSize}
              aria-posinset={row.position}
              aria-expanded={row.hasChildren ? row.open : undefined}
              aria-checked={state === "mixed" ? "mixed" : state === "checked"}
              aria-disabled={!canCheck(path) || undefined}
              aria-describedby={descriptionId}
              tabIndex={path === tabStop ? 0 : -1}
              onKeyDown={(e) => onKeyDown(e, row, index)}
              onFocus={() => setFocused(path)}
              className="group flex items-start gap-2 rounded px-2 py-1 outline-none focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-600"
              style={{ paddingLeft: `${(row.level - 1) * 1.25 + 0.5}rem` }}
            >
              <button
                type="button"
                tabIndex={-1}
                aria-hidden="true"
                onClick={() => row.hasChildren && setOpen(path, !row.open)}
                className={`mt-0.5 w-4 text-slate-500 ${row.hasChildren ? "" : "invisible"}`}
              >
                {row.open ? "▾" : "▸"}
              </button>
              <span
                aria-hidden="true"
                onClick={() => flip(path)}
                className={`mt-0.5 flex h-4 w-4 shrink-0 items-center justify-center rounded border text-xs ${
                  state === "unchecked" ? "border-slate-400 bg-white" : "border-brand-700 bg-brand-700 text-white"
                } ${canCheck(path) ? "cursor-pointer" : "opacity-50"}`}
              >
                {state === "checked" ? "✓" : state === "mixed" ? "–" : ""}
              </span>
              <span className="min-w-0">
                <span onClick={() => flip(path)} className={canCheck(path) ? "cursor-pointer" : ""}>
                  {row.node.name}
                </span>
                <span id={descriptionId} role="tooltip" className="hidden text-sm text-slate-600 group-hover:block group-focus:block">
                  {row.node.description} <code className="text-xs text-slate-500">{path}</code>
                </span>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
