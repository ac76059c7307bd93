import Link from "next/link";
import { AUDIT_ACTIONS, AUDIT_CATEGORIES } from "@/lib/audit/actions";
import { PageSizeSelect } from "@/components/ui/table/PageSizeSelect";
import { UrlSearchField } from "@/components/ui/table/UrlSearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlState } from "@/components/ui/table/url-state";

const input = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";
const KEYS = ["q", "actor", "target", "action", "outcome", "since", "until", "tz"] as const;
const CATEGORIES = Object.entries(AUDIT_CATEGORIES).filter(([value]) => value);

function Select({ name, label, value, children }: { name: string; label: string; value: string | undefined; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={`audit-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`audit-${name}`} name={name} defaultValue={value ?? ""} className={input}>
        {children}
      </select>
    </div>
  );
}

function Day({ name, label, value }: { name: "since" | "until"; label: string; value: string | undefined }) {
  return (
    <div>
      <label htmlFor={`audit-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input id={`audit-${name}`} type="date" name={name} defaultValue={value ?? ""} className={input} />
    </div>
  );
}

/**
 * The audit log's filters, all in the URL (plain search params, as every list here: each change
 * is a server navigation, so nuqs would only be a second binding to the same URL). Rendered on the
 * server; the days mean the browser's own days: once the form is bound, the hidden `tz` carries
 * the browser's offset from UTC and goes with every change of a day (until then, the URL's).
 */
export function AuditFilters({ state }: { state: UrlState }) {
  const filtered = KEYS.some((k) => k !== "tz" && state[k]);
  return (
    <UrlSearchForm path="/audit" state={state} label="Audit events" fields={[...KEYS, "size"]} live={KEYS} zone="tz">
      <UrlSearchField
        name="q"
        value={state.q}
        label="Search text"
        placeholder="name, address, change…"
        hint="Reads 20,000 events a page; Next goes further back."
        width="w-52"
      />
      <UrlSearchField name="actor" value={state.actor} label="Actor" hint="Exact name; or pick one in the table." width="w-40" />
      <UrlSearchField name="target" value={state.target} label="Target" hint="Exact name." width="w-40" />
      <Select name="action" label="Action" value={state.action}>
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
      <Select name="outcome" label="Outcome" value={state.outcome}>
        <option value="">Any</option>
        <option value="success">Succeeded</option>
        <option value="failure">Failed</option>
      </Select>
      <Day name="since" label="From" value={state.since} />
      <Day name="until" label="To" value={state.until} />
      <input type="hidden" name="tz" defaultValue={state.tz ?? ""} />
      <PageSizeSelect id="audit-size" size={state.size} className={input} />
      {filtered && (
        <Link href="/audit" className="self-center text-sm text-brand-700 underline">
          Clear filters
        </Link>
      )}
    </UrlSearchForm>
  );
}
