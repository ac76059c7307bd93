"use client";

import { startTransition, useActionState, useId, useRef, useState } from "react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import type { TImportOptions } from "@/lib/scopes/plan-import";
import type { ImportPreview as Preview } from "@/lib/scopes/preview-import";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { showToast } from "@/components/ui/toast";
import { ImportPreview, importSummary } from "./ImportPreview";

/**
 * Import: a file (read here, in the browser, into the text box) or pasted JSON; a preview of
 * every change; then a confirmation. The apply sends the previewed version and plan hash, so
 * the server applies exactly what was shown or refuses.
 */
export function TenantConfImport({ preview, apply }: { preview: FormAction<Preview>; apply: FormAction }) {
  const [text, setText] = useState("");
  const [previewedText, setPreviewedText] = useState<string | null>(null);
  // The preview's offers: unknown scopes added to the catalog, missing alias roles created.
  const [options, setOptions] = useState<TImportOptions>({ addUnknownScopes: false, createAliasRoles: false });
  const [fileError, setFileError] = useState<string | null>(null);
  // An apply's failure belongs to the preview it was made from; a new preview hides it.
  const [showApplyFailure, setShowApplyFailure] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [review, reviewAction, reviewing] = useActionState(preview, null);
  const [applied, applyAction, applying] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await apply(previous, data);
    dialog.current?.close();
    setShowApplyFailure(true);
    if (result?.ok) {
      void showToast("success", result.message);
      setPreviewedText(null);
    }
    return result;
  }, null);

  const runPreview = (opts: TImportOptions = options) => {
    const data = new FormData();
    data.set("text", text);
    data.set("addUnknownScopes", String(opts.addUnknownScopes));
    data.set("createAliasRoles", String(opts.createAliasRoles));
    setPreviewedText(text);
    setShowApplyFailure(false);
    startTransition(() => reviewAction(data));
  };
  const current = previewedText !== null && previewedText === text && !reviewing;
  const plan = current && review?.ok ? review.data : undefined;
  const hasChanges =
    !!plan && plan.scopes.length + plan.aliases.length + plan.newScopes.length + plan.newRoles.length + plan.documentKeys.length > 0;
  const toggle = (key: keyof TImportOptions, value: boolean) => {
    const next = { ...options, [key]: value };
    setOptions(next);
    runPreview(next);
  };

  async function readFile(file: File | undefined) {
    setFileError(null);
    if (!file) return;
    try {
      setText(await file.text());
    } catch {
      setFileError(`Could not read ${file.name}.`);
    }
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${ids}-file`} className="block text-sm font-medium">
          tenant-conf.json file
        </label>
        <input
          id={`${ids}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(e) => void readFile(e.target.files?.[0])}
          className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5"
        />
      </div>
      {fileError && <Alert tone="error">{fileError}</Alert>}
      <div>
        <label htmlFor={`${ids}-text`} className="block text-sm font-medium">
          Or paste the JSON
        </label>
        <textarea
          id={`${ids}-text`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={12}
          spellCheck={false}
          placeholder='{"RESTAPIScopes": {"Scope": [{"Name": "apim:api_view", "Roles": "admin,Internal/creator"}]}}'
          className="block w-full rounded-md border border-slate-300 p-3 font-mono text-xs"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" disabled={text.trim() === "" || reviewing || applying} onClick={() => runPreview()}>
          {reviewing ? "Working out the changes…" : "Preview import"}
        </Button>
        <Button disabled={!hasChanges || applying} onClick={() => dialog.current?.showModal()}>
          {applying ? "Importing…" : "Apply import"}
        </Button>
        {text.trim() !== "" && !current && !reviewing && (
          <span className="text-sm text-slate-600">Preview the import before applying it.</span>
        )}
      </div>
      {current && review && !review.ok && (
        <Alert tone="error" title="The file cannot be imported">
          {review.message}
        </Alert>
      )}
      {plan && (plan.offers.addUnknownScopes > 0 || plan.offers.createAliasRoles > 0) && (
        <fieldset className="space-y-1 text-sm" aria-label="Import options">
          {plan.offers.addUnknownScopes > 0 && (
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={options.addUnknownScopes} onChange={(e) => toggle("addUnknownScopes", e.target.checked)} />
              Add the {plan.offers.addUnknownScopes} unknown {plan.offers.addUnknownScopes === 1 ? "scope" : "scopes"} to the catalog
            </label>
          )}
          {plan.offers.createAliasRoles > 0 && (
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={options.createAliasRoles} onChange={(e) => toggle("createAliasRoles", e.target.checked)} />
              Create the {plan.offers.createAliasRoles} alias {plan.offers.createAliasRoles === 1 ? "role that does" : "roles that do"} not
              exist yet
            </label>
          )}
        </fieldset>
      )}
      {plan && <ImportPreview preview={plan} />}
      {showApplyFailure && applied && !applied.ok && (
        <Alert tone="error">
          {applied.message}
          {applied.code === "STALE_VERSION" && (
            <button type="button" className="ml-2 font-semibold underline" onClick={() => runPreview()}>
              Preview again
            </button>
          )}
        </Alert>
      )}
      <dialog ref={dialog} aria-labelledby={`${ids}-confirm`} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        {plan && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData();
              data.set("text", previewedText ?? "");
              data.set("version", String(plan.version));
              data.set("planHash", plan.planHash);
              data.set("addUnknownScopes", String(options.addUnknownScopes));
              data.set("createAliasRoles", String(options.createAliasRoles));
              startTransition(() => applyAction(data));
            }}
          >
            <h2 id={`${ids}-confirm`} className="text-lg font-semibold">
              Apply this import?
            </h2>
            <p className="mt-2 text-slate-700">
              {importSummary(plan)}, exactly as the preview shows, in one step. Unknown roles and scopes that are not added are skipped.
            </p>
            <div className="mt-6 flex justify-end gap-2">
              <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
                Cancel
              </Button>
              <Button type="submit" variant="danger" disabled={applying}>
                {applying ? "Importing…" : "Import"}
              </Button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
