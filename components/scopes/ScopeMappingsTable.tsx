import type { ScopeMappingRow } from "@/lib/scopes/list-scope-mappings";
import type { FormAction } from "@/lib/core/action-state";
import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { ScopeMappingsSearch } from "./ScopeMappingsSearch";
import { RowActionsHost } from "@/components/ui/table/RowActionsHost";
import { scopeMappingColumns, scopeMappingMenu } from "./scope-mappings-columns";

const PATH = "/settings/role-permissions";

type Props = { rows: ScopeMappingRow[]; url: { state: UrlState; paging: Paging }; version: number; remove: FormAction; filtered: boolean };

export function ScopeMappingsTable({ rows, url, version, remove, filtered }: Props) {
  return (
    <>
      <ScopeMappingsSearch path={PATH} state={url.state} />
      <RowActionsHost items={scopeMappingMenu({ remove, version })}>
        <DataTable
          caption="Scope assignments"
          columns={scopeMappingColumns}
          rows={rows}
          getRowId={(r) => String(r.roleId)}
          meta={{}}
          url={{ path: PATH, state: url.state }}
          empty={
            <EmptyState title={filtered ? "No role matches" : "No role permissions yet"}>
              {filtered ? "Search matches any part of a role name." : "Add one with Add role permission."}
            </EmptyState>
          }
        />
      </RowActionsHost>
      <UrlPager path={PATH} state={url.state} paging={url.paging} />
    </>
  );
}
