"use client";

import { USER_CLAIMS } from "@/lib/users/claims";
import { SearchField } from "@/components/ui/table/SearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlTableFilters } from "@/components/ui/table/useUrlTable";

const input = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";

/** The filters live in the URL, bound through the table (`USER_FILTER_KEYS`), so a reload or a shared link shows the same view. */
export function UserFilters({ urlTable, domains }: { urlTable: UrlTableFilters; domains: string[] }) {
  const { filter, filters } = urlTable;
  const domain = filter("domain");
  const claim = filter("claim");
  return (
    <UrlSearchForm filters={filters} label="Users" fields={["q", "domain", "claim", "value", "size"]}>
      <SearchField
        label="Search users"
        {...filter("q")}
        placeholder="adm* or *smith"
        hint="Use * as a wildcard; without it the name must match exactly."
      />
      <div>
        <label htmlFor="domain" className="block text-sm font-medium">
          Domain
        </label>
        <select id="domain" name="domain" value={domain.value} onChange={(e) => domain.onChange(e.target.value)} className={input}>
          <option value="">All domains</option>
          {domains.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="claim" className="block text-sm font-medium">
          Profile claim
        </label>
        <select id="claim" name="claim" value={claim.value} onChange={(e) => claim.onChange(e.target.value)} className={input}>
          <option value="">Any</option>
          {USER_CLAIMS.map((c) => (
            <option key={c.uri} value={c.uri}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <SearchField label="Claim value" {...filter("value")} placeholder="acme*" width="w-40" />
      <div>
        <label htmlFor="size" className="block text-sm font-medium">
          Per page
        </label>
        <select key={urlTable.filters.state.size} id="size" name="size" defaultValue={urlTable.filters.state.size} className={input}>
          {[10, 25, 50, 100].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
    </UrlSearchForm>
  );
}
