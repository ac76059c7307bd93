import { createColumnHelper } from "@tanstack/table-core";
import type { FormAction } from "@/lib/core/action-state";
import { formatUtc } from "@/lib/format";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import { RowMenuButton, type RowMenuItem } from "@/components/ui/table/row-actions";

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

function ActionsCell({ tenant, meta }: { tenant: TenantRowView; meta?: TenantsMeta }) {
  if (!meta?.canManage) return null;
  const keys = [tenant.active ? "deactivate" : "activate", "edit", ...(tenant.active ? [] : ["delete"])];
  return <RowMenuButton name={tenant.domain} actions={keys} values={{ id: String(tenant.id) }} />;
}

function StatusCell({ active }: { active: boolean }) {
  return active ? (
    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">Active</span>
  ) : (
    <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-800">Inactive</span>
  );
}

const column = createColumnHelper<UrlTableFeatures<TenantsMeta>, TenantRowView>();
export const tenantColumns = column.columns([
  column.accessor("domain", { header: "Domain", cell: (info) => <span className="font-medium break-all">{info.getValue()}</span> }),
  column.accessor("active", { header: "Status", cell: (info) => <StatusCell active={info.getValue()} /> }),
  column.accessor("admin", { header: "Admin", enableSorting: false, cell: (info) => <span className="break-all">{info.getValue()}</span> }),
  column.accessor("email", { header: "Email", cell: (info) => <span className="break-all">{info.getValue()}</span> }),
  column.accessor("created", {
    header: "Created",
    cell: (info) => <span className="whitespace-nowrap">{formatUtc(new Date(info.getValue()))}</span>,
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <ActionsCell tenant={info.row.original} meta={info.table.options.meta} />,
  }),
]);
