"use client";

import { countOf } from "@/lib/core/plural";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { AsyncCombobox, type Option } from "@/components/pickers/AsyncCombobox";
import { searchRoles } from "@/components/pickers/search";
import { useTableSelection } from "@/components/ui/table/selection";
import { runStream, type BulkResult } from "./run-stream";

export type BulkCan = { delete: boolean; assignRole: boolean };

/**
 * Acts on the users selected across pages. The server runs the whole batch in one
 * transaction and streams its progress, which the bar shows; the summary lists what was skipped and why.
 */
export default function BulkActions({ can }: { can: BulkCan }) {
  const selection = useTableSelection();
  const router = useRouter();
  const ids = Object.keys(selection.selected).map(Number);
  const [role, setRole] = useState<Option | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const confirm = useRef<HTMLDialogElement>(null);

  async function run(url: string, body: object, verb: string) {
    setResult(null);
    setProgress({ done: 0, total: ids.length });
    const outcome = await runStream(url, body, setProgress);
    setProgress(null);
    setResult({ ...outcome, verb });
    if (outcome.ok) {
      selection.clear();
      setRole(null);
      router.refresh();
    }
  }

  if (ids.length === 0 && !result) return null;
  return (
    <section aria-label="Selected users" className="mb-4 rounded-lg border border-brand-100 bg-brand-50 p-3">
      {ids.length > 0 && (
        <div className="flex flex-wrap items-end gap-3">
          <p className="font-medium" aria-live="polite">
            {ids.length} selected
          </p>
          <Button variant="ghost" size="sm" onClick={selection.clear}>
            Clear selection
          </Button>
          {can.assignRole && (
            <div className="flex items-end gap-2">
              <div className="w-64">
                {role ? (
                  <p className="text-sm">
                    Role: <strong>{role.label}</strong>{" "}
                    <button type="button" className="underline" onClick={() => setRole(null)}>
                      change
                    </button>
                  </p>
                ) : (
                  <AsyncCombobox label="Role to assign" placeholder="Search roles" search={searchRoles} onPick={setRole} />
                )}
              </div>
              <Button
                size="sm"
                disabled={!role || progress !== null}
                onClick={() =>
                  role && run("/api/v1/users/bulk-assign-role", { roleId: Number(role.id), userIds: ids }, `Assigned ${role.label} to`)
                }
              >
                Assign role to selected
              </Button>
            </div>
          )}
          {can.delete && (
            <Button size="sm" variant="danger" disabled={progress !== null} onClick={() => confirm.current?.showModal()}>
              Delete selected…
            </Button>
          )}
        </div>
      )}
      {progress && (
        <div className="mt-3">
          <label htmlFor="bulk-progress" className="text-sm">
            Working… {progress.done} of {progress.total}
          </label>
          <progress id="bulk-progress" className="block w-full" max={progress.total} value={progress.done} />
        </div>
      )}
      {result && (
        <div
          role={result.ok ? "status" : "alert"}
          className={`mt-3 rounded-md border bg-white p-3 text-sm ${result.ok ? "border-emerald-200" : "border-red-200"}`}
        >
          {result.ok ? (
            <p className="font-medium">
              {result.verb} {countOf(result.succeeded, "user")}.{result.skipped.length > 0 && ` Skipped ${result.skipped.length}:`}
            </p>
          ) : (
            <p className="font-medium text-red-800">{result.message} Nothing was changed.</p>
          )}
          {result.ok && result.skipped.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {result.skipped.slice(0, 20).map((s) => (
                <li key={s.user} className="break-all">
                  {s.user}: {s.reason}
                </li>
              ))}
              {result.skipped.length > 20 && <li>and {result.skipped.length - 20} more</li>}
            </ul>
          )}
          <button type="button" className="mt-2 underline" onClick={() => setResult(null)}>
            Dismiss
          </button>
        </div>
      )}
      <dialog
        ref={confirm}
        aria-labelledby="bulk-delete-title"
        className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id="bulk-delete-title" className="text-lg font-semibold">
          Delete {countOf(ids.length, "user")}?
        </h2>
        <p className="mt-2 text-slate-700">
          They are deleted together or not at all. Users you may not delete are skipped and listed afterwards.
        </p>
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" autoFocus onClick={() => confirm.current?.close()}>
            Cancel
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              confirm.current?.close();
              void run("/api/v1/users/bulk-delete", { userIds: ids }, "Deleted");
            }}
          >
            Delete {countOf(ids.length, "user")}
          </Button>
        </div>
      </dialog>
    </section>
  );
}
