import type { FormAction } from "@/lib/core/action-state";
import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { RowActionsHost } from "@/components/ui/table/RowActionsHost";
import { sessionColumns, sessionMenu, type SessionView } from "./sessions-columns";

export type { SessionView } from "./sessions-columns";

export function SessionsTable({
  rows,
  url,
  terminate,
}: {
  rows: SessionView[];
  url: { state: UrlState; paging: Paging };
  terminate?: FormAction;
}) {
  return (
    <>
      <RowActionsHost items={terminate ? sessionMenu(terminate) : []}>
        <DataTable
          caption="Active sessions"
          columns={sessionColumns}
          rows={rows}
          getRowId={(s) => s.id}
          meta={{ terminate: Boolean(terminate) }}
          url={{ path: "/sessions", state: url.state }}
          empty={<EmptyState title="No active sessions">Sessions appear here when people sign in.</EmptyState>}
        />
      </RowActionsHost>
      <UrlPager path="/sessions" state={url.state} paging={url.paging} />
    </>
  );
}
