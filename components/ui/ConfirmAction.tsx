"use client";

import type { ReactNode } from "react";
import type { ActionState } from "@/lib/core/action-state";
import { Button } from "./Button";
import { useConfirmDialog } from "./useConfirmDialog";

type Props = {
  /** The server action to run once the user confirms. */
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
};

/**
 * A destructive action behind a modal confirmation. The native <dialog> gives focus
 * trapping and Escape-to-cancel; the result is announced in the page's notice area.
 */
export function ConfirmAction({ action, fields, label, title, children, confirmLabel }: Props) {
  const { dialog, titleId, formAction, pending } = useConfirmDialog(action);
  return (
    <div>
      <Button variant="secondary" size="sm" onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        <form action={formAction}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="mt-2 text-slate-700">{children}</div>
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
              Cancel
            </Button>
            <Button type="submit" variant="danger" busy={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
