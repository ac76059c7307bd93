"use client";

import { SearchField } from "@/components/ui/table/SearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlState } from "@/components/ui/table/url-state";
import { filterField, useUrlFilters } from "@/components/ui/table/useUrlFilters";

export type StoreOption = { domain: string; readOnly: boolean };

/** The URL keys the role list filters by: the name search and the domain. */
const ROLE_FILTER_KEYS = ["q", "domain"] as const;

/** The role list's filters, bound to the URL. */
export function RoleFilters({ state, stores }: { state: UrlState; stores: StoreOption[] }) {
  const filters = useUrlFilters("/roles", state, ROLE_FILTER_KEYS);
  const filter = (key: (typeof ROLE_FILTER_KEYS)[number]) => filterField(filters, key);
  const domain = filter("domain");
  return (
    <UrlSearchForm filters={filters} label="Roles" fields={["q", "domain"]}>
      <SearchField
        label="Search roles"
        {...filter("q")}
        placeholder="creator or Internal/*"
        hint="Finds names that contain the text, exact matches first. With *, the pattern matches whole names."
      />
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
