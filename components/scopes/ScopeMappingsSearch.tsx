"use client";

import { SearchField } from "@/components/ui/table/SearchField";
import type { UrlState } from "@/components/ui/table/url-state";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import { filterField, useUrlFilters } from "@/components/ui/table/useUrlFilters";

/** The search matches any part of a role name: the list's one filter, bound to the URL. */
export function ScopeMappingsSearch({ path, state }: { path: string; state: UrlState }) {
  const filters = useUrlFilters(path, state, ["q"]);
  return (
    <UrlSearchForm filters={filters} label="Scope assignments" fields={["q"]}>
      <SearchField label="Search by role" {...filterField(filters, "q")} placeholder="creator" />
    </UrlSearchForm>
  );
}
