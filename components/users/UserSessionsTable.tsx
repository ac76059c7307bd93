import type { FormAction } from "@/lib/core/action-state";
import { sessionColumns, sessionMenu, type SessionView } from "@/components/sessions/sessions-columns";
import { RowActionsHost } from "@/components/ui/table/RowActionsHost";
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
      <RowActionsHost items={terminate ? sessionMenu(terminate) : []}>
        <DataTable
          caption="This user's active sessions"
          columns={sessionColumns}
          rows={rows}
          getRowId={(s) => s.id}
          meta={{ terminate: Boolean(terminate) }}
          url={{ path, state: {} }}
          empty={<EmptyState title="No active sessions">This user is not signed in anywhere.</EmptyState>}
        />
      </RowActionsHost>
      <UrlPager path={path} state={{}} paging={paging} />
    </>
  );
}
