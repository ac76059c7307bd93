"use client";

import { useRef, useState, type MouseEvent, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { useRouter } from "next/navigation";
import type { FormAction } from "@/lib/core/action-state";
import { Button } from "../Button";
import { useConfirmDialog } from "../useConfirmDialog";

type Target = { label: string; id: string; version: string; name: string; detail?: string };

type Props = {
  /** The server action the confirmation posts `id` and `version` to. */
  action: FormAction;
  confirmLabel: string;
  /** What every confirmation says after the row's own sentence (the button's `data-detail`). */
  body: ReactNode;
  children: ReactNode;
};

/** A plain left click on a same-origin link, which the router may take over. */
function routable(event: MouseEvent, link: HTMLAnchorElement): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) &&
    !link.target &&
    !link.hasAttribute("download") &&
    link.origin === window.location.origin
  );
}

/**
 * The one client island behind a table's row actions, listening to clicks that bubble up from
 * the server-rendered rows: a plain link navigates client-side as `next/link` would, and a
 * `RowConfirmButton` opens the table's single confirmation dialog for its row. The native
 * <dialog> gives focus trapping and Escape-to-cancel; closing returns focus to the row's button.
 */
export function RowActionsHost({ action, confirmLabel, body, children }: Props) {
  const router = useRouter();
  const { dialog, titleId, formAction, pending } = useConfirmDialog(action);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [target, setTarget] = useState<Target | null>(null);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const element = event.target as Element;
    const button = element.closest<HTMLButtonElement>("button[data-confirm]");
    if (button) {
      const { confirm, id, version, name, detail } = button.dataset;
      if (!confirm || !id || !version || !name) return;
      opener.current = button;
      // The dialog must show this row's target when it opens, not the previous one.
      flushSync(() => setTarget({ label: confirm, id, version, name, detail }));
      dialog.current?.showModal();
      cancel.current?.focus();
      return;
    }
    const link = element.closest("a");
    if (link && routable(event, link)) {
      event.preventDefault();
      router.push(link.pathname + link.search + link.hash);
    }
  }

  function returnFocus() {
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }

  return (
    <>
      {/* Clicks bubble here from the rows' own links and buttons, which keyboard users operate directly. */}
      <div onClick={onClick}>{children}</div>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={returnFocus}
        className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        {target && (
          <form action={formAction}>
            <input type="hidden" name="id" value={target.id} />
            <input type="hidden" name="version" value={target.version} />
            <h2 id={titleId} className="text-lg font-semibold">
              {target.label} {target.name}?
            </h2>
            <div className="mt-2 text-slate-700">
              {target.detail && <p>{target.detail}</p>}
              {body}
            </div>
            <div className="mt-6 flex justify-end gap-2">
              <Button ref={cancel} variant="secondary" onClick={() => dialog.current?.close()}>
                Cancel
              </Button>
              <Button type="submit" variant="danger" disabled={pending}>
                {pending ? "Working…" : confirmLabel}
              </Button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
