"use client";

import type { ActionState } from "@/lib/core/action-state";
import { ActionForm, FormField } from "@/components/ui/ActionForm";
import { setFlash } from "@/components/ui/flash";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  policy: { min_length: number; max_length: number };
  forced: boolean;
};

export function ChangePasswordForm({ action, policy, forced }: Props) {
  // After the forced change, a full load, so the shell drops the warning and shows the console;
  // the confirmation goes with it as the next page's toast.
  const afterForced = (state: ActionState) => {
    if (state?.ok) setFlash(state.message);
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/");
  };
  return (
    <ActionForm
      action={action}
      submitLabel="Change password"
      schema={{ name: "ownPassword", policy }}
      resetOnSuccess={!forced}
      onSuccess={forced ? afterForced : undefined}
    >
      <FormField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
      <FormField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={policy.min_length}
        hint={`At least ${policy.min_length} characters.`}
      />
      <FormField label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required />
    </ActionForm>
  );
}
