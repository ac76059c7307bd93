import type { KeyboardEvent } from "react";
import type { CheckState } from "@/lib/permissions/selection";
import type { TreeRow } from "./tree-rows";

type Props = {
  row: TreeRow;
  /** The ancestors that tell a repeated name apart ("User Management" for a "View"), or "". */
  context: string;
  state: CheckState;
  checkable: boolean;
  tabStop: boolean;
  descriptionId: string;
  itemRef: (el: HTMLDivElement | null) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onFocus: () => void;
  onHover: () => void;
  onToggleOpen: () => void;
  onFlip: () => void;
};

/** One node of the permission tree: a treeitem with a tri-state box, its name and, where the name repeats, its parents inline. */
export function TreeItem({ row, context, state, checkable, tabStop, descriptionId, itemRef, ...on }: Props) {
  const { node } = row;
  return (
    <div
      ref={itemRef}
      // A checkbox tree: items carry aria-checked, and ARIA 1.2 no longer requires
      // aria-selected on a treeitem (jsx-a11y still follows ARIA 1.1).
      // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
      role="treeitem"
      aria-label={context ? `${node.name} (${context})` : node.name}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.position}
      aria-expanded={row.hasChildren ? row.open : undefined}
      aria-checked={state === "mixed" ? "mixed" : state === "checked"}
      aria-disabled={!checkable || undefined}
      aria-describedby={descriptionId}
      tabIndex={tabStop ? 0 : -1}
      onKeyDown={on.onKeyDown}
      onFocus={on.onFocus}
      onMouseMove={on.onHover}
      className="flex items-start gap-2 rounded px-2 py-1 outline-none hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-600"
      style={{ paddingLeft: `${(row.level - 1) * 1.25 + 0.5}rem` }}
    >
      <button
        type="button"
        tabIndex={-1}
        aria-hidden="true"
        onClick={() => row.hasChildren && on.onToggleOpen()}
        className={`mt-0.5 w-4 text-slate-500 ${row.hasChildren ? "" : "invisible"}`}
      >
        {row.open ? "▾" : "▸"}
      </button>
      <span
        aria-hidden="true"
        onClick={on.onFlip}
        className={`mt-0.5 flex h-4 w-4 shrink-0 items-center justify-center rounded border text-xs ${
          state === "unchecked" ? "border-slate-400 bg-white" : "border-brand-700 bg-brand-700 text-white"
        } ${checkable ? "cursor-pointer" : "opacity-50"}`}
      >
        {state === "checked" ? "✓" : state === "mixed" ? "–" : ""}
      </span>
      <span onClick={on.onFlip} className={`min-w-0 ${checkable ? "cursor-pointer" : ""}`}>
        {node.name}
        {context && <span className="text-slate-600"> ({context})</span>}
      </span>
      <span id={descriptionId} className="sr-only">
        {node.description}
      </span>
    </div>
  );
}
