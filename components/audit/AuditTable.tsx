import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import { ExportLinks } from "@/components/ui/table/ExportLinks";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { AuditFilters } from "./AuditFilters";
import { auditColumns, type AuditView } from "./audit-columns";

export type { AuditView } from "./audit-columns";

export function AuditTable({ rows, url, filtered }: { rows: AuditView[]; url: { state: UrlState; paging: Paging }; filtered: boolean }) {
  return (
    <>
      <AuditFilters state={url.state} />
      {rows.length > 0 && (
        <ExportLinks
          path="/audit/export"
          state={url.state}
          label="Export the filtered events:"
          what="file of the filtered audit events"
          json="JSON"
        />
      )}
      <DataTable
        caption="Audit events"
        columns={auditColumns}
        rows={rows}
        getRowId={(e) => e.id}
        meta={{ state: url.state }}
        url={{ path: "/audit", state: url.state }}
        empty={
          <EmptyState title={filtered ? "No events match" : "No events yet"}>
            {filtered ? "Widen the dates or clear a filter." : "Sign-ins and changes appear here as they happen."}
          </EmptyState>
        }
      />
      <UrlPager path="/audit" state={url.state} paging={url.paging} />
    </>
  );
}
