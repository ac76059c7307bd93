"use client";

import type { ScopeMappingRow } from "@/lib/scopes/list-scope-mappings";
import type { FormAction } from "@/lib/core/action-state";
import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { SearchField } from "@/components/ui/table/SearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import { useUrlTable } from "@/components/ui/table/useUrlTable";
import { scopeMappingColumns } from "./scope-mappings-columns";

const PATH = "/settings/role-permissions";

type Props = { rows: ScopeMappingRow[]; url: { state: UrlState; paging: Paging }; version: number; remove: FormAction; filtered: boolean };

export function ScopeMappingsTable({ rows, url, version, remove, filtered }: Props) {
  const urlTable = useUrlTable({
    url: { path: PATH, ...url },
    columns: scopeMappingColumns,
    rows,
    getRowId: (r) => String(r.roleId),
    meta: { remove, version },
    // The search matches any part of a role name: the list's one (global) filter.
    filters: { global: "q" },
  });
  return (
    <>
      <UrlSearchForm filters={urlTable.filters} label="Scope assignments" fields={["q"]}>
        <SearchField label="Search by role" {...urlTable.filter("q")} placeholder="creator" />
      </UrlSearchForm>
      <DataTable
        caption="Scope assignments"
        urlTable={urlTable}
        empty={
          <EmptyState title={filtered ? "No role matches" : "No role permissions yet"}>
            {filtered ? "Search matches any part of a role name." : "Add one with Add role permission."}
          </EmptyState>
        }
      />
      <UrlPager path={PATH} state={url.state} paging={url.paging} />
    </>
  );
}
