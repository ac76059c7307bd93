import { countOf } from "@/lib/core/plural";
import type { Metadata } from "next";
import { z } from "zod";
import Link from "next/link";
import { can } from "@/lib/authz/decide";
import { listStoresQuery } from "@/lib/store-management/queries";
import { loadPage } from "@/lib/transport/command-page";
import { ArrivalToast } from "@/components/ui/ArrivalToast";
import { PageHeader } from "@/components/ui/PageHeader";
import { storeMenu, StoresTable, type StoreView } from "@/components/stores/StoresTable";
import { setStoreEnabledAction, syncStoreAction, testSavedStoreAction } from "./actions";

export const metadata: Metadata = { title: "User Stores" };

function syncSummary(sync: { state: string; finishedAt: Date | null; usersSeen: number; groupsSeen: number } | null): string {
  if (!sync || (!sync.finishedAt && sync.state === "idle")) return "Never";
  const when = sync.finishedAt ? sync.finishedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "";
  if (sync.state === "running") return "Running…";
  return `${sync.state === "failed" ? "Failed" : "OK"} ${when} · ${countOf(sync.usersSeen, "user")}, ${countOf(sync.groupsSeen, "group")}`;
}

const ZDeletedCounts = z.object({
  users: z.string().regex(/^\d+$/).transform(Number),
  groups: z.string().regex(/^\d+$/).transform(Number),
});

/** The toast for `?added=`, `?saved=` or deleteStoreAction's `?deleted=DOMAIN&users=N&groups=M`; counts that do not read are left out. */
function arrivalMessage(params: Record<string, string>): string | null {
  if (params.added) return `${params.added} added.`;
  if (params.saved) return `${params.saved} saved.`;
  if (!params.deleted) return null;
  const counts = ZDeletedCounts.safeParse(params);
  if (!counts.success) return `${params.deleted} deleted.`;
  return `${params.deleted} deleted (${countOf(counts.data.users, "user")}, ${countOf(counts.data.groups, "group")} removed).`;
}

export default async function UserStoresPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const [{ principal, data }, params] = await Promise.all([loadPage(listStoresQuery, {}), searchParams]);
  const rows: StoreView[] = data.map((s) => ({
    id: s.id,
    domain: s.domain,
    type: s.type,
    description: s.description,
    readOnly: s.readOnly,
    enabled: s.enabled,
    version: s.version,
    sync: syncSummary(s.sync),
    syncError: s.sync?.state === "failed" ? s.sync.lastError : null,
  }));
  const update = can(principal, "stores.update");
  const done = arrivalMessage(params);
  return (
    <>
      <PageHeader
        title="User Stores"
        description="Secondary user stores: LDAP directories and WSO2 JDBC user databases whose users sign in to Gatehouse. Their users and groups are mirrored here; sign-in and changes go to the directory."
        actions={
          can(principal, "stores.create") ? (
            <Link href="/settings/user-stores/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Add user store
            </Link>
          ) : undefined
        }
      />
      {done && <ArrivalToast message={done} params={["added", "saved", "deleted", "users", "groups"]} />}
      <StoresTable
        rows={rows}
        meta={{ canUpdate: update, canDelete: can(principal, "stores.delete") }}
        menu={storeMenu(update ? { setEnabled: setStoreEnabledAction, sync: syncStoreAction, test: testSavedStoreAction } : undefined)}
      />
    </>
  );
}
