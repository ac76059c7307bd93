"use client";

import { useEffect, useRef } from "react";
import { Button } from "../Button";
import { useConfirmDialog } from "../useConfirmDialog";
import { fillTemplate, type RowMenuItem, type RowValues } from "./row-actions";

/** A destructive row action to confirm; `opener` takes focus back when the dialog closes. */
export type ConfirmRequest = { item: RowMenuItem; values: RowValues; opener: HTMLElement | null };

/**
 * The table's one confirmation dialog, for whichever row and item asked last. The native
 * <dialog> gives focus trapping and Escape-to-cancel; Cancel takes focus on open; closing
 * returns focus to the row's menu button.
 */
export function RowConfirmDialog({ request }: { request: ConfirmRequest | null }) {
  const confirm = request && "confirm" in request.item ? request.item.confirm : null;
  const { dialog, titleId, formAction, pending } = useConfirmDialog((state, form) =>
    confirm ? confirm.action(state, form) : Promise.resolve(null),
  );
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!request) return;
    dialog.current?.showModal();
    cancel.current?.focus();
  }, [request, dialog]);

  const fill = (template: string) => fillTemplate(template, request?.values ?? {});
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={() => {
        if (request?.opener?.isConnected) request.opener.focus();
      }}
      className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      {confirm && (
        <form action={formAction}>
          {Object.entries(confirm.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={fill(value)} />
          ))}
          <h2 id={titleId} className="text-lg font-semibold break-words">
            {fill(confirm.title)}
          </h2>
          <p className="mt-2 text-slate-700">{fill(confirm.body)}</p>
          <div className="mt-6 flex justify-end gap-2">
            <Button ref={cancel} variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" busy={pending}>
              {pending ? "Working…" : confirm.confirmLabel}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
