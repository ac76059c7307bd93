"use client";

import type { FormAction } from "@/lib/core/action-state";
import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { useUrlTable, type UrlSort } from "@/components/ui/table/useUrlTable";
import { BulkBar } from "./BulkBar";
import { UserFilters } from "./UserFilters";
import { userColumns, userLabel, type UserRowView } from "./users-columns";

export type { UserRowView } from "./users-columns";

type Props = {
  rows: UserRowView[];
  url: { state: UrlState; sort: UrlSort; paging: Paging };
  bulk: { delete: boolean; assignRole: boolean };
  deleteAction: FormAction;
  filtered: boolean;
  domains: string[];
};

/** The URL keys the users list filters by: the name pattern, and the domain and profile claim columns. */
const USER_FILTER_KEYS = { global: "q", columns: ["domain", "claim", "value"] } as const;

export function UsersTable({ rows, url, bulk, deleteAction, filtered, domains }: Props) {
  const selectable = bulk.delete || bulk.assignRole;
  const urlTable = useUrlTable({
    url: { path: "/users", ...url },
    columns: selectable ? userColumns.selectable : userColumns.plain,
    rows,
    getRowId: (u) => String(u.id),
    meta: { deleteAction },
    filters: USER_FILTER_KEYS,
    selection: { key: "users", label: userLabel },
  });
  return (
    <>
      <UserFilters urlTable={urlTable} domains={domains} />
      {selectable && <BulkBar selection={urlTable.selection} can={bulk} />}
      <DataTable
        caption="Users"
        urlTable={urlTable}
        empty={
          <EmptyState title={filtered ? "No users match" : "No users yet"}>
            {filtered ? "Check the pattern: use * as a wildcard, e.g. adm* or *smith." : "Add the first user with Add New User."}
          </EmptyState>
        }
      />
      <UrlPager path="/users" state={url.state} paging={url.paging} />
    </>
  );
}
