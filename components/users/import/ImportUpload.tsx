"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Alert";
import { postStream } from "../run-stream";

const control = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm";

/** A file's kind by its name: JSON lines for .jsonl/.ndjson/.json, CSV otherwise (WSO2's or named columns, told apart by the header). */
function kindOf(name: string): "csv" | "jsonl" {
  return /\.(jsonl|ndjson|json)$/i.test(name) ? "jsonl" : "csv";
}

/**
 * Step 1 of an import: the store, what to do with existing users, and the file. The file goes
 * up as the request body and is checked as it arrives; the count of checked rows is announced
 * while it runs, then the preview page opens.
 */
export function ImportUpload({ stores }: { stores: string[] }) {
  const router = useRouter();
  const id = useId();
  const [checked, setChecked] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a CSV or JSON-lines file.");
    setError(null);
    setBusy(true);
    setChecked(0);
    const query = new URLSearchParams({
      domain: String(data.get("domain")),
      onExisting: String(data.get("onExisting")),
      fileName: file.name,
      kind: kindOf(file.name),
    });
    const result = await postStream(
      `/api/v1/users/import?${query}`,
      { body: file, headers: { "Content-Type": "application/octet-stream" } },
      (p) => setChecked(p.done),
    );
    if (result.ok) return router.push(`/users/import/${String(result.summary.id)}`);
    setBusy(false);
    setChecked(null);
    setError(result.message);
  }

  return (
    <form
      className="max-w-xl space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <div className="space-y-1">
        <label htmlFor={`${id}-domain`} className="block text-sm font-medium text-slate-800">
          User store
        </label>
        <select id={`${id}-domain`} name="domain" className={control} defaultValue={stores[0]}>
          {stores.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Rows naming a user who already exists</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="onExisting" value="skip" defaultChecked /> Skip them (WSO2&apos;s behaviour)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="onExisting" value="update" /> Update their claims and add their roles
        </label>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
          File
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".csv,.txt,.jsonl,.ndjson,.json"
          className={control}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          WSO2&apos;s bulk-import CSV (UserName,Password,Claims), a CSV with a header of UserName, Password, Roles and claim URIs or names
          (as Export writes it), or JSON lines. Nothing is written until you start the import.
        </p>
      </div>
      <div aria-live="polite" className="text-sm text-slate-700">
        {checked !== null && `Checking the file… ${checked.toLocaleString("en")} rows checked.`}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <Button type="submit" busy={busy}>
        {busy ? "Checking…" : "Preview import"}
      </Button>
    </form>
  );
}
