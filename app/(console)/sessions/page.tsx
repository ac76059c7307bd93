import type { Metadata } from "next";
import { requirePage } from "@/lib/transport/guard";
import { can } from "@/lib/authz/decide";
import { getConfig } from "@/lib/config/current";
import { db } from "@/lib/db/client";
import { formatUtc } from "@/lib/format";
import { ZPageParams } from "@/lib/paging";
import { listActiveSessions } from "@/lib/sessions/list-sessions";
import { PageHeader } from "@/components/ui/PageHeader";
import { Button } from "@/components/ui/Button";
import { SessionsTable } from "@/components/sessions/SessionsTable";
import { terminateSessionAction } from "./actions";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const principal = await requirePage("sessions.list");
  const raw = await searchParams;
  const params = ZPageParams.parse(raw);
  const user = typeof raw.user === "string" ? raw.user.trim().slice(0, 256) : "";
  const idleMs = getConfig().session.idle_timeout_minutes * 60_000;
  const page = await listActiveSessions(db(), principal.tenantId, idleMs, { ...params, user: user || undefined });
  const rows = page.rows.map((s) => ({
    id: s.id,
    user: s.user,
    kind: s.kind,
    oauth: s.oauth,
    createdAt: formatUtc(s.createdAt),
    lastSeenAt: formatUtc(s.lastSeenAt),
    expiresAt: formatUtc(s.expiresAt),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === principal.sessionId,
  }));
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Everyone signed in to this tenant, in the console or through the API. A terminated session is refused on its next request."
      />
      <form method="get" role="search" className="mb-4 flex items-end gap-2">
        <div>
          <label htmlFor="user" className="block text-sm font-medium">
            User
          </label>
          <input
            id="user"
            name="user"
            type="search"
            defaultValue={user}
            placeholder="Name starts with…"
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2"
          />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <SessionsTable
        rows={rows}
        url={{ state: { user: user || undefined }, paging: { kind: "offset", page: page.page, size: page.size, hasNext: page.hasNext } }}
        terminate={can(principal, "sessions.revoke") ? terminateSessionAction : undefined}
      />
    </>
  );
}
