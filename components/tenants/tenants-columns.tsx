import { createColumnHelper } from "@tanstack/table-core";
import type { FormAction } from "@/lib/core/action-state";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import type { RowMenuItem } from "@/components/ui/table/row-actions";

export type TenantRowView = { id: number; domain: string; active: boolean; admin: string; email: string; created: string };

/** Whether the viewer may change tenants; without it the rows have no menu. */
export type TenantsMeta = { canManage: boolean };

/**
 * The tenants table's row menu. Deactivating asks first (it ends every session of the tenant);
 * activating runs at once. Delete is a page of its own, with the typed confirmation.
 */
export function tenantMenu(setActive: FormAction | undefined): RowMenuItem[] {
  const edit: RowMenuItem = {
    key: "edit",
    label: "Edit contact details",
    name: "Edit contact details of {name}",
    href: "/tenants/{id}/edit",
  };
  const remove: RowMenuItem = { key: "delete", label: "Delete", href: "/tenants/{id}/delete" };
  if (!setActive) return [edit, remove];
  return [
    {
      key: "activate",
      label: "Activate",
      instant: { action: setActive, fields: { id: "{id}", active: "true" } },
    },
    {
      key: "deactivate",
      label: "Deactivate",
      confirm: {
        action: setActive,
        title: "Deactivate {name}?",
        body: "Every user of the tenant is signed out at once and can no longer sign in, until the tenant is activated again.",
        confirmLabel: "Deactivate tenant",
        fields: { id: "{id}", active: "false" },
      },
    },
    edit,
    remove,
  ];
}

// The headers and sorting only: the cells are TenantsRows.tsx's, rendered from the rows' data.
const column = createColumnHelper<UrlTableFeatures<TenantsMeta>, TenantRowView>();
export const tenantColumns = column.columns([
  column.accessor("domain", { header: "Domain" }),
  column.accessor("active", { header: "Status" }),
  column.accessor("admin", { header: "Admin", enableSorting: false }),
  column.accessor("email", { header: "Email" }),
  column.accessor("created", { header: "Created" }),
  column.display({ id: "actions", header: () => <span className="sr-only">Actions</span> }),
]);
