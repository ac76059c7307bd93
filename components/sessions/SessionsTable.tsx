"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { createContext, useContext } from "react";
import type { ActionState } from "@/lib/core/action-state";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { DataTable, plainFeatures } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";

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

type Terminate = (state: ActionState, form: FormData) => Promise<ActionState>;
// Columns live at module scope (TanStack needs them stable); the action reaches them by context.
const TerminateContext = createContext<Terminate | undefined>(undefined);

function TerminateCell({ session }: { session: SessionView }) {
  const terminate = useContext(TerminateContext);
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

const column = createColumnHelper<typeof plainFeatures, SessionView>();
const columns = column.columns([
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
  column.display({ id: "actions", header: () => <span className="sr-only">Actions</span>, cell: (info) => <TerminateCell session={info.row.original} /> }),
]);

export function SessionsTable({ rows, terminate }: { rows: SessionView[]; terminate?: Terminate }) {
  return (
    <TerminateContext.Provider value={terminate}>
      <DataTable
        caption="Active sessions"
        columns={columns}
        rows={rows}
        getRowId={(s) => s.id}
        empty={<EmptyState title="No active sessions">Sessions appear here when people sign in.</EmptyState>}
      />
    </TerminateContext.Provider>
  );
}
