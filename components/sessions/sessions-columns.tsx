import { createColumnHelper } from "@tanstack/table-core";
import type { FormAction } from "@/lib/core/action-state";
import { RowMenuButton, type RowMenuItem } from "@/components/ui/table/row-actions";
import type { UrlTableFeatures } from "@/components/ui/table/features";

export type SessionView = {
  id: string;
  user: string;
  kind: string;
  oauth: { client: string; scopes: string } | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
  current: boolean;
};

/** `terminate` is false for an admin who may only look. */
export type SessionsMeta = { terminate: boolean };

/** The sessions table's row menu: its one action, behind a confirmation. */
export function sessionMenu(terminate: FormAction): RowMenuItem[] {
  return [
    {
      key: "terminate",
      label: "Terminate",
      confirm: {
        action: terminate,
        title: "Terminate {name}?",
        body: "{effect}",
        confirmLabel: "Terminate session",
        fields: { sessionId: "{sessionId}" },
      },
    },
  ];
}

function TerminateCell({ session, terminate }: { session: SessionView; terminate?: boolean }) {
  const effect = session.current ? "This is your own session: you will be signed out." : "They will be signed out on their next request.";
  return (
    <RowMenuButton name={`${session.user}'s session`} actions={terminate ? ["terminate"] : []} values={{ sessionId: session.id, effect }} />
  );
}

const column = createColumnHelper<UrlTableFeatures<SessionsMeta>, SessionView>();
export const sessionColumns = column.columns([
  column.accessor("user", {
    header: "User",
    cell: (info) => (
      <span>
        {info.getValue()}
        {info.row.original.current && <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-800">this session</span>}
      </span>
    ),
  }),
  column.accessor("kind", {
    header: "Via",
    cell: (info) => {
      const oauth = info.row.original.oauth;
      if (!oauth) return info.getValue();
      return (
        <span>
          OAuth2 client {oauth.client}
          <span className="block text-xs text-slate-600">{oauth.scopes || "default"}</span>
        </span>
      );
    },
  }),
  column.accessor("createdAt", { header: "Signed in" }),
  column.accessor("lastSeenAt", { header: "Last active" }),
  column.accessor("expiresAt", { header: "Expires" }),
  column.accessor("ip", { header: "IP address" }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <TerminateCell session={info.row.original} terminate={info.table.options.meta?.terminate} />,
  }),
]);
