import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { auditColumns, type AuditView } from "./audit-columns";

export type { AuditView } from "./audit-columns";

export function AuditTable({ rows, url }: { rows: AuditView[]; url: { state: UrlState; paging: Paging } }) {
  return (
    <>
      <DataTable
        caption="Audit events"
        columns={auditColumns}
        rows={rows}
        getRowId={(e) => e.id}
        meta={{}}
        url={{ path: "/audit", state: url.state }}
        empty={<EmptyState title="No events match">Try another filter.</EmptyState>}
      />
      <UrlPager path="/audit" state={url.state} paging={url.paging} />
    </>
  );
}
