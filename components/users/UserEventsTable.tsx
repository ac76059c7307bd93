import { auditColumns, type AuditView } from "@/components/audit/audit-columns";
import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging } from "@/components/ui/table/url-state";

/** A user's Events tab: the audit log's columns over the events whose target is this user. */
export function UserEventsTable({ userId, rows, paging }: { userId: number; rows: AuditView[]; paging: Paging }) {
  const path = `/users/${userId}/events`;
  return (
    <>
      <DataTable
        caption="Audit events about this user"
        columns={auditColumns}
        rows={rows}
        getRowId={(e) => e.id}
        meta={{ state: {} }}
        url={{ path, state: {} }}
        empty={<EmptyState title="No events yet">Changes to this account and its sign-in failures appear here.</EmptyState>}
      />
      <UrlPager path={path} state={{}} paging={paging} />
    </>
  );
}
