"use client";

import { SearchField } from "@/components/ui/table/SearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import { useUrlFilters } from "@/components/ui/table/useUrlFilters";

/** The search over a role's members: a list, not a table, bound to the URL the same way. */
export function RoleMemberSearch({ path, q }: { path: string; q: string | undefined }) {
  const filters = useUrlFilters(path, { q }, ["q"]);
  return (
    <UrlSearchForm filters={filters} label="Members" fields={["q"]} className="mb-3 flex items-end gap-2">
      <SearchField
        label="Search users"
        name="q"
        value={filters.values.q ?? ""}
        onChange={(q) => filters.set({ q })}
        placeholder="Part of a name, or adm*"
      />
    </UrlSearchForm>
  );
}
