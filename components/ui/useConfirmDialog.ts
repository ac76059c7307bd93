"use client";

import { useActionState, useId, useRef } from "react";
import type { ActionState } from "@/lib/core/action-state";
import { useNotify } from "./Notices";

/**
 * The state behind a confirmation <dialog> that runs a server action: the dialog's ref, its
 * title's id, and the form action, which closes the dialog and announces the result in the
 * page's notice area. It announces from the action itself: on success the row that opened the
 * dialog may be gone before any effect would run.
 */
export function useConfirmDialog(action: (state: ActionState, form: FormData) => Promise<ActionState>) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const notify = useNotify();
  const [, formAction, pending] = useActionState(async (previous: ActionState, form: FormData) => {
    const result = await action(previous, form);
    dialog.current?.close();
    if (result) notify({ ok: result.ok, message: result.message });
    return result;
  }, null);
  return { dialog, titleId, formAction, pending };
}
