import type { FormAction } from "@/lib/core/action-state";
import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { RowActionsHost } from "@/components/ui/table/RowActionsHost";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { RoleFilters, type StoreOption } from "./RoleFilters";
import { roleColumns, roleMenu, type RoleRowView } from "./roles-columns";

export type { RoleRowView } from "./roles-columns";

type Props = {
  rows: RoleRowView[];
  url: { state: UrlState; paging: Paging };
  deleteAction: FormAction;
  filtered: boolean;
  stores: StoreOption[];
};

/**
 * Rendered on the server; the filters and the one row-actions host (name links, the one row menu and delete
 * confirmation) are the client islands.
 */
export function RolesTable({ rows, url, deleteAction, filtered, stores }: Props) {
  return (
    <>
      <RoleFilters state={url.state} stores={stores} />
      <RowActionsHost items={roleMenu(deleteAction)}>
        <DataTable
          caption="Roles"
          columns={roleColumns}
          rows={rows}
          getRowId={(r) => String(r.id)}
          meta={{}}
          url={{ path: "/roles", state: url.state }}
          empty={
            <EmptyState title={filtered ? "No roles match" : "No roles yet"}>
              {filtered
                ? "No role name contains the text. With *, the pattern must match a whole name, e.g. Internal/*."
                : "Add one with Add New Role."}
            </EmptyState>
          }
        />
      </RowActionsHost>
      <UrlPager path="/roles" state={url.state} paging={url.paging} />
    </>
  );
}
