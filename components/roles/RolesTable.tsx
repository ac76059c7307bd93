"use client";

import type { FormAction } from "@/lib/core/action-state";
import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { useUrlTable } from "@/components/ui/table/useUrlTable";
import { RoleFilters, type StoreOption } from "./RoleFilters";
import { roleColumns, type RoleRowView } from "./roles-columns";

export type { RoleRowView } from "./roles-columns";

type Props = {
  rows: RoleRowView[];
  url: { state: UrlState; paging: Paging };
  deleteAction: FormAction;
  filtered: boolean;
  stores: StoreOption[];
};

/** The URL keys the role list filters by: the name pattern and the domain column. */
const ROLE_FILTER_KEYS = { global: "q", columns: ["domain"] } as const;

export function RolesTable({ rows, url, deleteAction, filtered, stores }: Props) {
  const urlTable = useUrlTable({
    url: { path: "/roles", ...url },
    columns: roleColumns,
    rows,
    getRowId: (r) => String(r.id),
    meta: { deleteAction },
    filters: ROLE_FILTER_KEYS,
  });
  return (
    <>
      <RoleFilters urlTable={urlTable} stores={stores} />
      <DataTable
        caption="Roles"
        urlTable={urlTable}
        empty={
          <EmptyState title={filtered ? "No roles match" : "No roles yet"}>
            {filtered ? "Use * as a wildcard, e.g. Internal/*." : "Add one with Add New Role."}
          </EmptyState>
        }
      />
      <UrlPager path="/roles" state={url.state} paging={url.paging} />
    </>
  );
}
