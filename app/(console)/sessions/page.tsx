import type { Metadata } from "next";
import { can } from "@/lib/authz/decide";
import { sessionsPageQuery } from "@/lib/sessions/queries";
import { loadPage } from "@/lib/transport/command-page";
import { PageHeader } from "@/components/ui/PageHeader";
import { Button } from "@/components/ui/Button";
import { SessionsTable } from "@/components/sessions/SessionsTable";
import { terminateSessionAction } from "./actions";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { principal, data } = await loadPage(sessionsPageQuery, await searchParams);
  const { user, rows, ...page } = data;
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
