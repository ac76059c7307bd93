import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import type { RowMenuItem } from "@/components/ui/table/row-actions";
import { RowActionsHost } from "@/components/ui/table/RowActionsHost";
import { storeColumns, type StoresMeta, type StoreView } from "./stores-columns";

export type { StoreView, StoresMeta } from "./stores-columns";
export { storeMenu } from "./stores-columns";

export function StoresTable({ rows, meta, menu }: { rows: StoreView[]; meta: StoresMeta; menu: RowMenuItem[] }) {
  return (
    <RowActionsHost items={menu}>
      <DataTable
        caption="Secondary user stores"
        columns={storeColumns}
        rows={rows}
        getRowId={(s) => String(s.id)}
        meta={meta}
        url={{ path: "/settings/user-stores", state: {} }}
        empty={
          <EmptyState title="No secondary user stores">Add an LDAP directory or a WSO2 JDBC user database to sign its users in.</EmptyState>
        }
      />
    </RowActionsHost>
  );
}
