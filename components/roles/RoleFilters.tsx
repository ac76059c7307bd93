"use client";

import { SearchField } from "@/components/ui/table/SearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlTableFilters } from "@/components/ui/table/useUrlTable";

export type StoreOption = { domain: string; readOnly: boolean };

/** The role list's filters, bound to the URL through the table (`ROLE_FILTER_KEYS`). */
export function RoleFilters({ urlTable, stores }: { urlTable: UrlTableFilters; stores: StoreOption[] }) {
  const { filter, filters } = urlTable;
  const domain = filter("domain");
  return (
    <UrlSearchForm filters={filters} label="Roles" fields={["q", "domain"]}>
      <SearchField label="Search roles" {...filter("q")} placeholder="creator or Internal/*" hint="Use * as a wildcard." />
      <div>
        <label htmlFor="domain" className="block text-sm font-medium">
          Domain
        </label>
        <select
          id="domain"
          name="domain"
          value={domain.value}
          onChange={(e) => domain.onChange(e.target.value)}
          className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          <option value="">All domains</option>
          {stores.map((s) => (
            <option key={s.domain} value={s.domain}>
              {s.domain}
              {s.readOnly ? " (Read-Only)" : ""}
            </option>
          ))}
        </select>
      </div>
    </UrlSearchForm>
  );
}
