import { createColumnHelper } from "@tanstack/table-core";
import type { FormAction } from "@/lib/core/action-state";
import { RowMenuButton, type RowMenuItem } from "@/components/ui/table/row-actions";
import type { UrlTableFeatures } from "@/components/ui/table/features";

export type StoreView = {
  id: number;
  domain: string;
  type: string;
  description: string;
  readOnly: boolean;
  enabled: boolean;
  version: number;
  sync: string;
  syncError: string | null;
};

/** What the viewer may do to stores; the page builds the menu (`storeMenu`) from the same grants. */
export type StoresMeta = { canUpdate: boolean; canDelete: boolean };

type StoreActions = { setEnabled: FormAction; sync: FormAction; test: FormAction };

/** The stores table's row menu; the actions are absent for an admin who may only look. */
export function storeMenu(actions: StoreActions | undefined): RowMenuItem[] {
  const fields = { id: "{id}" };
  const edit: RowMenuItem = { key: "edit", label: "Edit", href: "/settings/user-stores/{id}" };
  const remove: RowMenuItem = { key: "delete", label: "Delete", href: "/settings/user-stores/{id}/delete" };
  if (!actions) return [edit, remove];
  const switchTo = (enabled: boolean): RowMenuItem => ({
    key: enabled ? "enable" : "disable",
    label: enabled ? "Enable" : "Disable",
    confirm: {
      action: actions.setEnabled,
      title: `${enabled ? "Enable" : "Disable"} {name}?`,
      body: enabled ? "Its users can sign in again." : "Its users can no longer sign in, and their sessions end on their next request.",
      confirmLabel: enabled ? "Enable store" : "Disable store",
      fields: { id: "{id}", version: "{version}", enabled: String(enabled) },
    },
  });
  return [
    edit,
    { key: "test", label: "Test connection", name: "Test {name}", instant: { action: actions.test, fields } },
    { key: "sync", label: "Sync now", name: "Sync {name} now", instant: { action: actions.sync, fields } },
    switchTo(false),
    switchTo(true),
    remove,
  ];
}

function StoreActionsCell({ store, meta }: { store: StoreView; meta?: StoresMeta }) {
  if (!meta) return null;
  const keys = [
    meta.canUpdate && "edit",
    meta.canUpdate && "test",
    meta.canUpdate && store.enabled && "sync",
    meta.canUpdate && (store.enabled ? "disable" : "enable"),
    meta.canDelete && "delete",
  ].filter((k): k is string => typeof k === "string");
  return <RowMenuButton name={store.domain} actions={keys} values={{ id: String(store.id), version: String(store.version) }} />;
}

const column = createColumnHelper<UrlTableFeatures<StoresMeta>, StoreView>();
export const storeColumns = column.columns([
  column.accessor("domain", {
    header: "Domain",
    cell: (info) => (
      <span>
        <span className="font-medium">{info.getValue()}</span>
        {info.row.original.description && <span className="block text-xs text-slate-600">{info.row.original.description}</span>}
      </span>
    ),
  }),
  column.accessor("type", { header: "Type", cell: (info) => (info.getValue() === "ldap" ? "LDAP" : "WSO2 JDBC") }),
  column.accessor("readOnly", { header: "Read-only", cell: (info) => (info.getValue() ? "Yes" : "No") }),
  column.accessor("enabled", { header: "Enabled", cell: (info) => (info.getValue() ? "Yes" : "No") }),
  column.accessor("sync", {
    header: "Last sync",
    cell: (info) => (
      <span>
        {info.getValue()}
        {info.row.original.syncError && <span className="block text-xs text-red-800">{info.row.original.syncError}</span>}
      </span>
    ),
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <StoreActionsCell store={info.row.original} meta={info.table.options.meta} />,
  }),
]);
