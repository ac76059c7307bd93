"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { AUDIT_ACTIONS, AUDIT_CATEGORIES } from "@/lib/audit/actions";
import { PageSizeSelect } from "@/components/ui/table/PageSizeSelect";
import { SearchField } from "@/components/ui/table/SearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlState } from "@/components/ui/table/url-state";
import { filterField, useUrlFilters } from "@/components/ui/table/useUrlFilters";

const input = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";
const KEYS = ["q", "actor", "target", "action", "outcome", "since", "until", "tz"] as const;
const CATEGORIES = Object.entries(AUDIT_CATEGORIES).filter(([value]) => value);

const noChange = () => () => undefined;
/** The browser's offset from UTC, so the date fields mean its own days; the server renders the URL's. */
function useZoneOffset(fallback: string | undefined): string {
  return useSyncExternalStore(
    noChange,
    () => String(new Date().getTimezoneOffset()),
    () => fallback ?? "",
  );
}

function Select({
  id,
  label,
  field,
  children,
}: {
  id: string;
  label: string;
  field: ReturnType<typeof filterField>;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={field.name} value={field.value} onChange={(e) => field.onChange(e.target.value)} className={input}>
        {children}
      </select>
    </div>
  );
}

/**
 * The audit log's filters, all in the URL (plain search params, as every list here: each change
 * is a server navigation, so nuqs would only be a second binding to the same URL).
 */
export function AuditFilters({ state }: { state: UrlState }) {
  const filters = useUrlFilters("/audit", state, KEYS);
  const field = (key: (typeof KEYS)[number]) => filterField(filters, key);
  const tz = useZoneOffset(state.tz);
  const day = (key: "since" | "until", label: string) => (
    <div>
      <label htmlFor={`audit-${key}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`audit-${key}`}
        type="date"
        name={key}
        value={filters.values[key]}
        onChange={(e) => filters.set({ [key]: e.target.value, tz })}
        className={input}
      />
    </div>
  );
  const filtered = KEYS.some((k) => k !== "tz" && state[k]);
  return (
    <UrlSearchForm filters={filters} label="Audit events" fields={[...KEYS, "size"]}>
      <SearchField
        label="Search text"
        {...field("q")}
        placeholder="name, address, change…"
        hint="Reads 20,000 events a page; Next goes further back."
        width="w-52"
      />
      <SearchField label="Actor" {...field("actor")} hint="Exact name; or pick one in the table." width="w-40" />
      <SearchField label="Target" {...field("target")} hint="Exact name." width="w-40" />
      <Select id="audit-action" label="Action" field={field("action")}>
        <option value="">All events</option>
        {CATEGORIES.map(([prefix, label]) => (
          <optgroup key={prefix} label={label}>
            <option value={prefix}>All: {label}</option>
            {AUDIT_ACTIONS.filter((a) => a.startsWith(prefix)).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <Select id="audit-outcome" label="Outcome" field={field("outcome")}>
        <option value="">Any</option>
        <option value="success">Succeeded</option>
        <option value="failure">Failed</option>
      </Select>
      {day("since", "From")}
      {day("until", "To")}
      <input type="hidden" name="tz" value={tz} />
      <PageSizeSelect id="audit-size" size={state.size} className={input} />
      {filtered && (
        <Link href="/audit" className="self-center text-sm text-brand-700 underline">
          Clear filters
        </Link>
      )}
    </UrlSearchForm>
  );
}
