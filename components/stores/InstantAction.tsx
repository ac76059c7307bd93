"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/Notices";

/** A one-click action on a row (sync now, test): no confirmation, the result announced above the page. */
export function InstantAction({ action, fields, label }: { action: FormAction; fields: Record<string, string>; label: string }) {
  const notify = useNotify();
  const [, formAction, pending] = useActionState(async (previous: ActionState, form: FormData) => {
    const result = await action(previous, form);
    if (result) notify({ ok: result.ok, message: result.message });
    return result;
  }, null);
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Working…" : label}
      </Button>
    </form>
  );
}
