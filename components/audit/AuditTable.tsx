import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import { hrefFor, type Paging, type UrlState } from "@/components/ui/table/url-state";
import { AuditFilters } from "./AuditFilters";
import { auditColumns, type AuditView } from "./audit-columns";

export type { AuditView } from "./audit-columns";

const exportLink = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";

/** The filtered view's downloads: the same filters, every matching row, not just this page. */
function ExportLinks({ state }: { state: UrlState }) {
  const { size: _size, ...filters } = state;
  return (
    <div className="mb-2 flex flex-wrap items-center justify-end gap-2 text-sm">
      <span className="text-slate-600">Export the filtered events:</span>
      {(["csv", "json"] as const).map((format) => (
        <a key={format} className={exportLink} href={hrefFor("/audit/export", filters, { format })} download>
          {format.toUpperCase()}
          <span className="sr-only"> file of the filtered audit events</span>
        </a>
      ))}
    </div>
  );
}

export function AuditTable({ rows, url, filtered }: { rows: AuditView[]; url: { state: UrlState; paging: Paging }; filtered: boolean }) {
  return (
    <>
      <AuditFilters state={url.state} />
      {rows.length > 0 && <ExportLinks state={url.state} />}
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
