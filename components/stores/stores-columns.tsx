import Link from "next/link";
import { createColumnHelper } from "@tanstack/table-core";
import type { FormAction } from "@/lib/core/action-state";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import { InstantAction } from "./InstantAction";

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

/** Actions are absent for an admin who may only look. */
export type StoresMeta = { setEnabled?: FormAction; sync?: FormAction; test?: FormAction; canEdit: boolean; canDelete: boolean };

function StoreActions({ store, meta }: { store: StoreView; meta?: StoresMeta }) {
  if (!meta) return null;
  const ref = { id: String(store.id) };
  return (
    <div className="flex flex-wrap gap-2">
      {meta.canEdit && (
        <Link
          href={`/settings/user-stores/${store.id}`}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100"
        >
          Edit<span className="sr-only"> {store.domain}</span>
        </Link>
      )}
      {meta.test && <InstantAction action={meta.test} fields={ref} label={`Test ${store.domain}`} />}
      {meta.sync && store.enabled && <InstantAction action={meta.sync} fields={ref} label={`Sync ${store.domain} now`} />}
      {meta.setEnabled && (
        <ConfirmAction
          action={meta.setEnabled}
          fields={{ ...ref, version: String(store.version), enabled: String(!store.enabled) }}
          label={`${store.enabled ? "Disable" : "Enable"} ${store.domain}`}
          title={`${store.enabled ? "Disable" : "Enable"} ${store.domain}?`}
          confirmLabel={store.enabled ? "Disable store" : "Enable store"}
        >
          {store.enabled
            ? "Its users can no longer sign in, and their sessions end on their next request."
            : "Its users can sign in again."}
        </ConfirmAction>
      )}
      {meta.canDelete && (
        <Link
          href={`/settings/user-stores/${store.id}/delete`}
          className="rounded-md border border-red-300 px-2.5 py-1 text-sm text-red-800 hover:bg-red-50"
        >
          Delete<span className="sr-only"> {store.domain}</span>
        </Link>
      )}
    </div>
  );
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
    cell: (info) => <StoreActions store={info.row.original} meta={info.table.options.meta} />,
  }),
]);
