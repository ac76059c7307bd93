import type { FormAction } from "@/lib/core/action-state";
import { sessionColumns, type SessionView } from "@/components/sessions/sessions-columns";
import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging } from "@/components/ui/table/url-state";

/** A user's Sessions tab: the Sessions page's columns over one user's sessions. */
export function UserSessionsTable({
  userId,
  rows,
  paging,
  terminate,
}: {
  userId: number;
  rows: SessionView[];
  paging: Paging;
  terminate?: FormAction;
}) {
  const path = `/users/${userId}/sessions`;
  return (
    <>
      <DataTable
        caption="This user's active sessions"
        columns={sessionColumns}
        rows={rows}
        getRowId={(s) => s.id}
        meta={{ terminate }}
        url={{ path, state: {} }}
        empty={<EmptyState title="No active sessions">This user is not signed in anywhere.</EmptyState>}
      />
      <UrlPager path={path} state={{}} paging={paging} />
    </>
  );
}
