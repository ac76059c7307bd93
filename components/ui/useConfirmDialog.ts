"use client";

import { useActionState, useId, useRef } from "react";
import type { ActionState } from "@/lib/core/action-state";
import { toastResult } from "./toast";

/**
 * The state behind a confirmation <dialog> that runs a server action: the dialog's ref, its
 * title's id, and the form action, which closes the dialog and shows the result as a toast. It
 * shows it from the action itself: on success the row that opened the dialog may be gone before
 * any effect would run.
 */
export function useConfirmDialog(action: (state: ActionState, form: FormData) => Promise<ActionState>) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [, formAction, pending] = useActionState(async (previous: ActionState, form: FormData) => {
    const result = await action(previous, form);
    dialog.current?.close();
    toastResult(result);
    return result;
  }, null);
  return { dialog, titleId, formAction, pending };
}
