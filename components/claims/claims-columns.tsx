import { createColumnHelper } from "@tanstack/table-core";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import { RowMenuButton, type RowMenuItem } from "@/components/ui/table/row-actions";

export type ClaimRowView = {
  id: number;
  uri: string;
  displayName: string;
  flags: string;
  displayOrder: number;
  builtIn: boolean;
};

/** Whether the viewer may change claims; without it the rows have no menu. */
export type ClaimsMeta = { canManage: boolean };

/** Edit and Delete are pages of their own: the delete page names the values it would remove. */
export const CLAIM_MENU: RowMenuItem[] = [
  { key: "edit", label: "Edit", name: "Edit {name}", href: "/settings/claims/{id}" },
  { key: "delete", label: "Delete", name: "Delete {name}", href: "/settings/claims/{id}/delete" },
];

function ActionsCell({ claim, meta }: { claim: ClaimRowView; meta?: ClaimsMeta }) {
  if (!meta?.canManage) return null;
  // Built-in claims are edited, never deleted.
  const keys = claim.builtIn ? ["edit"] : ["edit", "delete"];
  return <RowMenuButton name={claim.displayName} actions={keys} values={{ id: String(claim.id) }} />;
}

const column = createColumnHelper<UrlTableFeatures<ClaimsMeta>, ClaimRowView>();
export const claimColumns = column.columns([
  column.accessor("displayName", {
    id: "name",
    header: "Display name",
    cell: (info) => (
      <span className="font-medium">
        {info.getValue()}
        {info.row.original.builtIn && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-800">Built-in</span>}
      </span>
    ),
  }),
  column.accessor("uri", { header: "Claim URI", cell: (info) => <span className="break-all">{info.getValue()}</span> }),
  column.accessor("flags", { header: "Flags", enableSorting: false, cell: (info) => info.getValue() }),
  column.accessor("displayOrder", { id: "order", header: "Order", cell: (info) => info.getValue() }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <ActionsCell claim={info.row.original} meta={info.table.options.meta} />,
  }),
]);
