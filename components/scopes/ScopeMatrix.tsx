"use client";

import { memo, startTransition, useActionState, useId, useMemo, useState } from "react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import type { MatrixRole, ScopeListRow } from "@/lib/scopes/list-scopes";
import type { ScopeRolesPreview as Preview } from "@/lib/scopes/preview-scope-roles";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ReviewSaveBar, useReviewThenSave } from "@/components/ui/ReviewThenSave";
import { ScopeRolesPreview } from "./ScopeRolesPreview";
import { FilterInput } from "@/components/ui/FilterInput";
import { useGridKeys } from "./useGridKeys";

type Props = {
  version: number;
  scopes: ScopeListRow[];
  roles: MatrixRole[];
  preview: FormAction<Preview>;
  save: FormAction;
  findRole: FormAction<{ name: string }>;
};
type Ticks = ReadonlyMap<string, ReadonlySet<string>>;

const TAG_ORDER = ["admin", "publisher", "devportal", "analytics"];
const sameSet = (a: ReadonlySet<string>, b: readonly string[]) => a.size === b.length && b.every((x) => a.has(x));

/**
 * Scopes x roles: tick and untick, review what each role gains and loses, then save. Only
 * the scopes whose role set changed are sent, with the mapping version the page was loaded at,
 * so a save made after someone else's is refused rather than overwriting it.
 */
export function ScopeMatrix({ version, scopes, roles, preview, save, findRole }: Props) {
  const [ticks, setTicks] = useState<Ticks>(() => new Map(scopes.map((s) => [s.name, new Set(s.roles)])));
  const [extra, setExtra] = useState<string[]>([]);
  const [filter, setFilter] = useState("");
  const [newRole, setNewRole] = useState("");
  const ids = useId();
  const adminRole = roles.find((r) => r.protected)?.name;
  const columns = useMemo(() => [...roles.map((r) => r.name), ...extra], [roles, extra]);

  const changed = scopes
    .filter((s) => !sameSet(ticks.get(s.name)!, s.roles))
    .map((s) => ({ name: s.name, roles: columns.filter((c) => ticks.get(s.name)!.has(c)) }));
  const body = JSON.stringify(changed);
  const dirty = changed.length > 0;

  const flow = useReviewThenSave(preview, save, body);
  const [found, findAction, finding] = useActionState(async (previous: ActionState<{ name: string }>, data: FormData) => {
    const result = await findRole(previous, data);
    if (result?.ok && result.data) {
      const name = result.data.name;
      setExtra((prev) => (prev.includes(name) || roles.some((r) => r.name === name) ? prev : [...prev, name]));
      setNewRole("");
    }
    return result;
  }, null);

  const form = () => {
    const data = new FormData();
    data.set("version", String(version));
    data.set("scopes", body);
    return data;
  };
  const toggle = (scope: string, role: string) =>
    setTicks((prev) => {
      const next = new Map(prev);
      const set = new Set(prev.get(scope));
      if (set.has(role)) set.delete(role);
      else set.add(role);
      next.set(scope, set);
      return next;
    });

  const needle = filter.trim().toLowerCase();
  const visible = scopes.filter((s) => !needle || `${s.name} ${s.description} ${s.tag}`.toLowerCase().includes(needle));
  const groups = [...new Set([...TAG_ORDER, ...visible.map((s) => s.tag)])]
    .map((tag) => ({ tag, scopes: visible.filter((s) => s.tag === tag) }))
    .filter((g) => g.scopes.length > 0);
  const grid = useGridKeys(visible.length, columns.length);
  // Each group's first row in the grid's numbering, which runs on across groups.
  const starts = groups.map((_, i) => groups.slice(0, i).reduce((n, g) => n + g.scopes.length, 0));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <FilterInput label="Filter scopes" value={filter} onChange={setFilter} placeholder="Name, description or tag" />
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData();
            data.set("role", newRole);
            startTransition(() => findAction(data));
          }}
        >
          <div>
            <label htmlFor={`${ids}-role`} className="block text-sm font-medium">
              Add role column
            </label>
            <input
              id={`${ids}-role`}
              value={newRole}
              onChange={(e) => setNewRole(e.target.value)}
              placeholder="e.g. Internal/devops"
              className="mt-1 w-64 rounded-md border border-slate-300 px-3 py-1.5"
            />
          </div>
          <Button type="submit" variant="secondary" disabled={finding || newRole.trim() === ""}>
            {finding ? "Looking up…" : "Add column"}
          </Button>
        </form>
      </div>
      {found && !found.ok && <Alert tone="error">{found.message}</Alert>}

      <div className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white">
        <table
          role="grid"
          aria-label="Scopes and the roles on each"
          aria-describedby={`${ids}-keys`}
          onKeyDown={grid.onKeyDown}
          className="border-separate border-spacing-0 text-sm"
        >
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 top-0 z-30 min-w-72 border-b border-r border-slate-200 bg-white px-3 py-2 text-left align-bottom"
              >
                Scope
              </th>
              {columns.map((role) => (
                <th
                  key={role}
                  scope="col"
                  className="sticky top-0 z-20 border-b border-slate-200 bg-white px-1 py-2 align-bottom font-medium"
                >
                  <span
                    className="mx-auto block max-h-48 overflow-hidden whitespace-nowrap [writing-mode:vertical-rl] rotate-180"
                    title={role}
                  >
                    {role}
                    {role === adminRole && <span className="text-xs font-normal text-slate-500"> (admin role)</span>}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group, g) => (
            <tbody key={group.tag}>
              <tr>
                <th
                  scope="rowgroup"
                  colSpan={columns.length + 1}
                  className="sticky left-0 border-b border-slate-200 bg-slate-100 px-3 py-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                >
                  {group.tag}
                </th>
              </tr>
              {group.scopes.map((scope, i) => (
                <MatrixRow
                  key={scope.name}
                  row={starts[g]! + i}
                  activeCol={grid.active.row === starts[g]! + i ? grid.active.col : -1}
                  onCellFocus={grid.setActive}
                  scope={scope}
                  columns={columns}
                  ticked={ticks.get(scope.name)!}
                  adminRole={adminRole}
                  onToggle={toggle}
                />
              ))}
            </tbody>
          ))}
        </table>
        {groups.length === 0 && <p className="p-3 text-slate-600">No scope matches “{filter}”.</p>}
      </div>
      <p id={`${ids}-keys`} className="text-sm text-slate-600">
        The grid is one tab stop: arrow keys move between boxes, Home and End to the row&apos;s ends, Page Up and Page Down by ten scopes,
        Space ticks or unticks.
      </p>

      <ReviewSaveBar
        flow={flow}
        dirty={dirty}
        form={form}
        summary={dirty ? `${changed.length} ${changed.length === 1 ? "scope" : "scopes"} changed.` : "No changes."}
        preview={(data) => <ScopeRolesPreview preview={data} />}
      />
    </div>
  );
}

type RowProps = {
  row: number;
  /** The column holding the grid's one tab stop when it is in this row, else -1. */
  activeCol: number;
  onCellFocus: (cell: { row: number; col: number }) => void;
  scope: ScopeListRow;
  columns: string[];
  ticked: ReadonlySet<string>;
  adminRole: string | undefined;
  onToggle: (scope: string, role: string) => void;
};

/** Memoised: a tick re-renders only its own row, which keeps a 47 x N grid responsive. */
const MatrixRow = memo(function MatrixRow({ row, activeCol, onCellFocus, scope, columns, ticked, adminRole, onToggle }: RowProps) {
  return (
    <tr className="hover:bg-slate-50">
      <th scope="row" className="sticky left-0 z-10 border-b border-r border-slate-200 bg-white px-3 py-1.5 text-left font-normal">
        <code className="text-slate-900">{scope.name}</code>
        <span className="block text-xs text-slate-600">{scope.description}</span>
      </th>
      {columns.map((role, col) => {
        const on = ticked.has(role);
        const changed = on !== scope.roles.includes(role);
        // WSO2's rule: the admin role stays on every scope that has it.
        const locked = role === adminRole && scope.roles.includes(role);
        return (
          <td key={role} className={`border-b border-slate-200 px-1 text-center ${changed ? "bg-amber-100" : ""}`}>
            <input
              type="checkbox"
              aria-label={`${role} on ${scope.name}`}
              title={locked ? "The admin role stays on every scope that has it." : `${role} on ${scope.name}`}
              checked={on}
              // aria-disabled, not disabled: a disabled box cannot take focus, and the arrow keys must reach every cell.
              aria-disabled={locked || undefined}
              onChange={() => {
                if (!locked) onToggle(scope.name, role);
              }}
              tabIndex={col === activeCol ? 0 : -1}
              data-cell={`${row}:${col}`}
              onFocus={() => onCellFocus({ row, col })}
              className="size-4 accent-brand-700 aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
            />
          </td>
        );
      })}
    </tr>
  );
});
