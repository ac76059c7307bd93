import { createColumnHelper } from "@tanstack/table-core";
import type { FormAction } from "@/lib/core/action-state";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
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

/** `terminate` is absent for an admin who may only look. */
export type SessionsMeta = { terminate?: FormAction };

function TerminateCell({ session, terminate }: { session: SessionView; terminate?: FormAction }) {
  if (!terminate) return null;
  return (
    <ConfirmAction
      action={terminate}
      fields={{ sessionId: session.id }}
      label="Terminate"
      title={`Terminate ${session.user}'s session?`}
      confirmLabel="Terminate session"
    >
      {session.current ? "This is your own session: you will be signed out." : "They will be signed out on their next request."}
    </ConfirmAction>
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
