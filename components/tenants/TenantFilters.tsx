"use client";

import { PageSizeSelect } from "@/components/ui/table/PageSizeSelect";
import { SearchField } from "@/components/ui/table/SearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlState } from "@/components/ui/table/url-state";
import { filterField, useUrlFilters } from "@/components/ui/table/useUrlFilters";

/** The URL keys the tenant list filters by: the domain search. */
const TENANT_FILTER_KEYS = ["q"] as const;

/** The tenant list's search, bound to the URL. */
export function TenantFilters({ state }: { state: UrlState }) {
  const filters = useUrlFilters("/tenants", state, TENANT_FILTER_KEYS);
  return (
    <UrlSearchForm filters={filters} label="Tenants" fields={["q", "size"]}>
      <SearchField label="Search tenants" {...filterField(filters, "q")} placeholder="acme" hint="Finds domains that contain the text." />
      <PageSizeSelect id="size" size={state.size} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2" />
    </UrlSearchForm>
  );
}
