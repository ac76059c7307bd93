"use client";

import { useId, useMemo, useState } from "react";
import { FilterInput } from "@/components/ui/FilterInput";

export type ScopeOption = { name: string; description: string; tag: string };

const TAG_LABEL: Record<string, string> = { admin: "Admin", publisher: "Publisher", devportal: "Developer Portal", analytics: "Analytics" };

/**
 * APIM's "Custom permissions" tree: scopes grouped by tag, each with its description and
 * name. A group's checkbox selects the whole group and shows the mixed state when partly chosen.
 */
export function ScopePicker({ scopes, value, onChange }: { scopes: ScopeOption[]; value: string[]; onChange: (next: string[]) => void }) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const chosen = useMemo(() => new Set(value), [value]);
  const groups = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const byTag = new Map<string, ScopeOption[]>();
    for (const s of scopes) {
      if (needle && !`${s.name} ${s.description}`.toLowerCase().includes(needle)) continue;
      byTag.set(s.tag, [...(byTag.get(s.tag) ?? []), s]);
    }
    return [...byTag.entries()];
  }, [scopes, filter]);
  const set = (names: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const n of names) {
      if (on) next.add(n);
      else next.delete(n);
    }
    onChange(scopes.map((s) => s.name).filter((n) => next.has(n)));
  };

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <FilterInput label="Filter scopes" value={filter} onChange={setFilter} />
        <p className="text-sm text-slate-600" aria-live="polite">
          {value.length} of {scopes.length} scopes selected
        </p>
      </div>
      {groups.length === 0 && <p className="text-sm text-slate-600">No scope matches “{filter}”.</p>}
      {groups.map(([tag, items]) => {
        const names = items.map((s) => s.name);
        const count = names.filter((n) => chosen.has(n)).length;
        const label = TAG_LABEL[tag] ?? tag;
        return (
          <fieldset key={tag} className="mb-3">
            <legend className="flex items-center gap-2 font-semibold">
              <input
                type="checkbox"
                aria-label={`All ${label} scopes`}
                checked={count === names.length}
                ref={(el) => {
                  if (el) el.indeterminate = count > 0 && count < names.length;
                }}
                onChange={(e) => set(names, e.target.checked)}
              />
              {label}{" "}
              <span className="text-sm font-normal text-slate-500">
                ({count}/{names.length})
              </span>
            </legend>
            <ul className="mt-1 grid gap-1 pl-6 sm:grid-cols-2">
              {items.map((s) => (
                <li key={s.name}>
                  <label className="flex items-start gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                    <input
                      type="checkbox"
                      className="mt-1"
                      checked={chosen.has(s.name)}
                      onChange={(e) => set([s.name], e.target.checked)}
                      aria-label={s.name}
                      aria-describedby={`${id}-${s.name}`}
                    />
                    <span>
                      <span id={`${id}-${s.name}`} className="block text-sm">
                        {s.description}
                      </span>
                      <code className="text-xs text-slate-500">{s.name}</code>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
