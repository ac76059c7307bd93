import { DataTable, type UrlSort } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageSizeSelect } from "@/components/ui/table/PageSizeSelect";
import { RowActionsHost } from "@/components/ui/table/RowActionsHost";
import { UrlPager } from "@/components/ui/table/UrlPager";
import { UrlSearchField } from "@/components/ui/table/UrlSearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { CLAIM_MENU, claimColumns, type ClaimRowView } from "./claims-columns";

export type { ClaimRowView } from "./claims-columns";

const PATH = "/settings/claims";

type Props = { rows: ClaimRowView[]; url: { state: UrlState; sort: UrlSort; paging: Paging }; canManage: boolean };

/** Rendered on the server; the search form and the one row-actions host are the client islands. */
export function ClaimsTable({ rows, url, canManage }: Props) {
  return (
    <>
      <UrlSearchForm path={PATH} state={url.state} label="Claims" fields={["q", "size"]} live={["q"]}>
        <UrlSearchField
          name="q"
          value={url.state.q}
          label="Search claims"
          placeholder="email"
          hint="Finds URIs and display names that contain the text."
        />
        <PageSizeSelect id="size" size={url.state.size} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2" />
      </UrlSearchForm>
      <RowActionsHost items={CLAIM_MENU}>
        <DataTable
          caption="Claims"
          columns={claimColumns}
          rows={rows}
          getRowId={(c) => String(c.id)}
          meta={{ canManage }}
          url={{ path: PATH, state: url.state, sort: url.sort }}
          empty={<EmptyState title="No claims match">No claim URI or display name contains the text.</EmptyState>}
        />
      </RowActionsHost>
      <UrlPager path={PATH} state={url.state} paging={url.paging} />
    </>
  );
}
