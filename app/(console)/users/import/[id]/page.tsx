import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/transport/command-page";
import { importRowsQuery } from "@/lib/user-import/commands";
import { IMPORT_ROW_FILTERS } from "@/lib/user-import/import-jobs";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { Alert } from "@/components/ui/Alert";
import { ActionForm } from "@/components/ui/ActionForm";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { ImportProgress } from "@/components/users/import/ImportProgress";
import { ImportRows } from "@/components/users/import/ImportRows";
import { STATE_LABEL } from "@/components/users/import/state-label";
import { cancelImportAction, startImportAction } from "../actions";

export const metadata: Metadata = { title: "Import" };

const n = (v: number) => v.toLocaleString("en");
const FILTER_LABEL = { all: "All rows", create: "To create", update: "To update", skip: "To skip", invalid: "Invalid" } as const;

export default async function ImportJobPage(props: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const [{ id }, raw] = await Promise.all([props.params, props.searchParams]);
  const { data } = await loadPage(importRowsQuery, { ...raw, id });
  const { job, params, rows, next } = data;
  const live = ["queued", "running", "cancelling"].includes(job.state);
  const finished = ["done", "cancelled", "failed"].includes(job.state);
  const ref = { id: String(job.id), version: String(job.version) };
  return (
    <>
      <Breadcrumbs
        trail={[{ href: "/users", label: "Users" }, { href: "/users/import", label: "Import users" }, { label: job.fileName }]}
      />
      <PageHeader
        title={`Import of ${job.fileName}`}
        description={`Into ${job.domain}; existing users: ${job.onExisting === "skip" ? "skipped" : "updated"}. ${STATE_LABEL[job.state] ?? job.state}.`}
      />
      <dl className="grid max-w-3xl grid-cols-2 gap-3 sm:grid-cols-5">
        {[
          ["Rows", job.total],
          ["To create", job.toCreate],
          ["To update", job.toUpdate],
          ["To skip", job.toSkip],
          ["Invalid", job.invalid],
        ].map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-200 bg-white px-3 py-2">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold">{n(Number(value))}</dd>
          </div>
        ))}
      </dl>
      <section aria-label="Import" className="mt-6 max-w-3xl space-y-4">
        {job.state === "preview" && (
          <div className="flex flex-wrap items-start gap-4">
            {job.toApply > 0 ? (
              <ActionForm
                action={startImportAction}
                hidden={ref}
                submitLabel={`Import ${n(job.toApply)} user${job.toApply === 1 ? "" : "s"}`}
              >
                <p className="text-slate-700">
                  Nothing has been written yet. Invalid and skipped rows are left out; the report lists them.
                </p>
              </ActionForm>
            ) : (
              <Alert tone="warning">No row can be imported: fix the file and upload it again.</Alert>
            )}
            <ConfirmAction action={cancelImportAction} fields={ref} label="Discard" title="Discard this preview?" confirmLabel="Discard">
              The checked rows are dropped; no user was written.
            </ConfirmAction>
          </div>
        )}
        {live && (
          <>
            <ImportProgress id={job.id} initial={job} />
            {job.state !== "cancelling" && (
              <ConfirmAction
                action={cancelImportAction}
                fields={ref}
                label="Cancel import"
                title="Cancel this import?"
                confirmLabel="Cancel import"
              >
                The import stops after the chunk it is writing. Users already written stay; each chunk is written whole or not at all.
              </ConfirmAction>
            )}
          </>
        )}
        {finished && (
          <Alert tone={job.state === "done" ? "success" : "warning"} title={STATE_LABEL[job.state]}>
            {n(job.created)} created, {n(job.updated)} updated, {n(job.skipped)} skipped, {n(job.failed)} failed, {n(job.invalid)} invalid.
            {job.lastError && <span className="block">{job.lastError}</span>}
          </Alert>
        )}
        {job.state === "failed" && (
          <ActionForm action={startImportAction} hidden={ref} submitLabel="Resume import">
            <p className="text-slate-700">Resuming continues after the last chunk that was written.</p>
          </ActionForm>
        )}
        {job.state !== "preview" && (
          <a href={`/api/v1/users/import/${job.id}/report`} className="inline-block font-medium text-brand-700 underline" download>
            Download the per-row report (CSV)
          </a>
        )}
      </section>
      <nav aria-label="Show rows" className="mt-8 flex flex-wrap gap-2">
        {IMPORT_ROW_FILTERS.map((f) => (
          <Link
            key={f}
            href={`/users/import/${job.id}?show=${f}`}
            aria-current={params.show === f ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
          >
            {FILTER_LABEL[f]}
          </Link>
        ))}
      </nav>
      <ImportRows rows={rows} />
      {next !== null && (
        <Link
          href={`/users/import/${job.id}?show=${params.show}&after=${next}&size=${params.size}`}
          className="mt-3 inline-block font-medium text-brand-700 underline"
        >
          Next rows
        </Link>
      )}
    </>
  );
}
