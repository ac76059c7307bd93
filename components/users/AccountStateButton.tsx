"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/core/action-state";
import { Button } from "@/components/ui/Button";
import { toastResult } from "@/components/ui/toast";

/**
 * Unlock or Enable: undoes a restriction, so it needs no confirmation. The result is announced
 * as a toast, as a confirmed action's is.
 */
export function AccountStateButton({
  action,
  id,
  version,
  label,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  id: number;
  version: number;
  label: string;
}) {
  const [, formAction, pending] = useActionState(async (previous: ActionState, form: FormData) => {
    const result = await action(previous, form);
    toastResult(result);
    return result;
  }, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="secondary" size="sm" busy={pending}>
        {pending ? "Working…" : label}
      </Button>
    </form>
  );
}
