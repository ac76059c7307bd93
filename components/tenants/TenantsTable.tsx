import type { FormAction } from "@/lib/core/action-state";
import { DataTable, type UrlSort } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { RowActionsHost } from "@/components/ui/table/RowActionsHost";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { TenantFilters } from "./TenantFilters";
import { TenantsRows } from "./TenantsRows";
import { tenantColumns, tenantMenu, type TenantRowView } from "./tenants-columns";

export type { TenantRowView } from "./tenants-columns";

type Props = {
  rows: TenantRowView[];
  url: { state: UrlState; sort: UrlSort; paging: Paging };
  /** Absent for a viewer who may only look: the rows then have no menu. */
  setActive?: FormAction;
  filtered: boolean;
  canCreate: boolean;
};

/** Rendered on the server; the search form and the one row-actions host are the client islands. */
export function TenantsTable({ rows, url, setActive, filtered, canCreate }: Props) {
  return (
    <>
      <TenantFilters state={url.state} />
      <RowActionsHost items={tenantMenu(setActive)}>
        <DataTable
          caption="Tenants"
          columns={tenantColumns}
          rows={rows}
          getRowId={(t) => String(t.id)}
          meta={{ canManage: Boolean(setActive) }}
          url={{ path: "/tenants", state: url.state, sort: url.sort }}
          body={<TenantsRows rows={rows} canManage={Boolean(setActive)} />}
          empty={
            <EmptyState title={filtered ? "No tenants match" : "No tenants yet"}>
              {filtered
                ? "No tenant domain contains the text."
                : canCreate
                  ? "Add the first tenant with Add New Tenant."
                  : "Tenants appear here once an administrator adds them."}
            </EmptyState>
          }
        />
      </RowActionsHost>
      <UrlPager path="/tenants" state={url.state} paging={url.paging} />
    </>
  );
}
