"use client";

import { startTransition, useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/core/action-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";

type Props = { action: (state: ActionState, form: FormData) => Promise<ActionState>; minLength: number; forced: boolean };

export function ChangePasswordForm({ action, minLength, forced }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    // After the forced change, reload so the shell drops the warning and shows the console.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (state?.ok && forced) window.location.assign("/");
  }, [state, forced]);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="max-w-md space-y-4"
    >
      {state && (state.ok || !state.fieldErrors) && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={errors?.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        hint={`At least ${minLength} characters.`}
        errors={errors?.newPassword}
      />
      <Field
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.confirmPassword}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
