import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/transport/command-page";
import { importJobsQuery } from "@/lib/user-import/commands";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { ArrivalToast } from "@/components/ui/ArrivalToast";
import { EmptyState } from "@/components/ui/EmptyState";
import { ImportUpload } from "@/components/users/import/ImportUpload";
import { STATE_LABEL } from "@/components/users/import/state-label";

export const metadata: Metadata = { title: "Import users" };

export default async function ImportUsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const raw = await searchParams;
  const { jobs, stores } = (await loadPage(importJobsQuery, {})).data;
  return (
    <>
      <Breadcrumbs trail={[{ href: "/users", label: "Users" }, { label: "Import users" }]} />
      <PageHeader
        title="Import users"
        description="WSO2's Bulk Import Users, with a preview first: every row's outcome and reason before anything is written, then a background import you can follow, cancel and resume."
      />
      {raw.discarded && <ArrivalToast message="Import discarded." params={["discarded"]} />}
      {stores.length === 0 ? (
        <EmptyState title="No store to import into">Imports write to the tenant&apos;s user stores, and none is writable.</EmptyState>
      ) : (
        <ImportUpload stores={stores} />
      )}
      <h2 className="mt-10 text-lg font-semibold">Recent imports</h2>
      {jobs.length === 0 ? (
        <p className="mt-2 text-slate-600">No imports yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200">
          {jobs.map((j) => (
            <li key={j.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <Link href={`/users/import/${j.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {j.fileName}
              </Link>
              <span className="text-sm text-slate-600">
                {STATE_LABEL[j.state] ?? j.state} · {j.total.toLocaleString("en")} rows · by {j.actorName} ·{" "}
                {j.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
