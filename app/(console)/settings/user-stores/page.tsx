import { countOf } from "@/lib/core/plural";
import type { Metadata } from "next";
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
  const done = params.added
    ? `${params.added} added.`
    : params.saved
      ? `${params.saved} saved.`
      : params.deleted
        ? `${params.deleted.replace(/^(.*?)( \(.*\))?$/, "$1 deleted$2")}.`
        : null;
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
      {done && <ArrivalToast message={done} params={["added", "saved", "deleted"]} />}
      <StoresTable
        rows={rows}
        meta={{ canUpdate: update, canDelete: can(principal, "stores.delete") }}
        menu={storeMenu(update ? { setEnabled: setStoreEnabledAction, sync: syncStoreAction, test: testSavedStoreAction } : undefined)}
      />
    </>
  );
}
