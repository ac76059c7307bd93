"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Status = { state: string; processed: number; toApply: number; created: number; updated: number; skipped: number; failed: number };

const POLL_MS = 1_000;
const LIVE = new Set(["queued", "running", "cancelling"]);

/**
 * The running import's progress, read from the server once a second: it survives a reload or
 * another tab because the job's row holds it. When the job stops, the page re-renders with the
 * result.
 */
export function ImportProgress({ id, initial }: { id: number; initial: Status }) {
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const response = await fetch(`/api/v1/users/import/${id}`, { cache: "no-store" }).catch(() => null);
      if (!live) return;
      const next = response?.ok ? ((await response.json()) as Status) : null;
      if (next) setStatus(next);
      if (next && !LIVE.has(next.state)) return router.refresh();
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, router]);
  const percent = status.toApply === 0 ? 100 : Math.floor((status.processed / status.toApply) * 100);
  const label =
    status.state === "cancelling" ? "Cancelling after the current chunk…" : status.state === "queued" ? "Waiting to start…" : "Importing…";
  return (
    <div className="space-y-2">
      <div className="flex justify-between text-sm text-slate-700">
        <span id={`import-${id}-label`}>{label}</span>
        <span>
          {status.processed.toLocaleString("en")} of {status.toApply.toLocaleString("en")} rows ({percent}%)
        </span>
      </div>
      <progress aria-labelledby={`import-${id}-label`} className="h-3 w-full" max={Math.max(status.toApply, 1)} value={status.processed} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {status.created.toLocaleString("en")} created, {status.updated.toLocaleString("en")} updated, {status.skipped.toLocaleString("en")}{" "}
        skipped, {status.failed.toLocaleString("en")} failed so far.
      </p>
    </div>
  );
}
