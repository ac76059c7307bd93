import type { FormAction } from "@/lib/core/action-state";
import { DataTable, type UrlSort } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { RowActionsHost } from "@/components/ui/table/RowActionsHost";
import { SelectionProvider } from "@/components/ui/table/selection";
import { ExportLinks } from "@/components/ui/table/ExportLinks";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { BulkBar } from "./BulkBar";
import { UserFilters } from "./UserFilters";
import { UsersRows } from "./UsersRows";
import { userColumns, userMenu, type UserRowView } from "./users-columns";

export type { UserRowView } from "./users-columns";

type Props = {
  rows: UserRowView[];
  url: { state: UrlState; sort: UrlSort; paging: Paging };
  bulk: { delete: boolean; assignRole: boolean };
  deleteAction: FormAction;
  filtered: boolean;
  /** The empty list suggests adding a user only to someone who may. */
  canCreate: boolean;
  domains: string[];
  /** The tenant's claims, for the claim filter. */
  claims: { uri: string; label: string }[];
};

/**
 * Rendered on the server; the filters, the bulk bar, each row's checkbox and the one row-actions
 * host (the name links, the one row menu and delete confirmation) are the client islands.
 */
export function UsersTable({ rows, url, bulk, deleteAction, filtered, canCreate, domains, claims }: Props) {
  const selectable = bulk.delete || bulk.assignRole;
  const list = (
    <>
      <UserFilters state={url.state} domains={domains} claims={claims} />
      {rows.length > 0 && (
        <ExportLinks
          path="/users/export"
          state={url.state}
          label="Export the listed users with their roles and claims:"
          what="file of the listed users (every page)"
          json="JSON lines"
        />
      )}
      {selectable && <BulkBar can={bulk} />}
      <RowActionsHost items={userMenu(deleteAction)}>
        <DataTable
          caption="Users"
          columns={selectable ? userColumns.selectable : userColumns.plain}
          rows={rows}
          getRowId={(u) => String(u.id)}
          meta={{}}
          url={{ path: "/users", state: url.state, sort: url.sort }}
          body={<UsersRows rows={rows} selectable={selectable} />}
          empty={
            <EmptyState title={filtered ? "No users match" : "No users yet"}>
              {filtered
                ? "No username contains the text. With *, the pattern must match a whole name, e.g. adm* or *smith."
                : canCreate
                  ? "Add the first user with Add New User."
                  : "Users appear here once an administrator adds them."}
            </EmptyState>
          }
        />
      </RowActionsHost>
      <UrlPager path="/users" state={url.state} paging={url.paging} />
    </>
  );
  return selectable ? <SelectionProvider storageKey="users">{list}</SelectionProvider> : list;
}
