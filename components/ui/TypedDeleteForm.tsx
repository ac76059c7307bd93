"use client";

import { useState } from "react";
import type { FormAction } from "@/lib/core/action-state";
import { ActionForm, FormField } from "@/components/ui/ActionForm";

type Props = { action: FormAction; domain: string; hidden: Record<string, string> };

/**
 * The typed confirmation of a delete that cannot be undone (a user store, a tenant): the button
 * names the domain only once it is typed, in any case; the server checks the typed domain again.
 */
export function TypedDeleteForm({ action, domain, hidden }: Props) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim().toUpperCase() === domain.toUpperCase();
  return (
    <ActionForm action={action} submitLabel={matches ? `Delete ${domain}` : "Type the domain to delete"} hidden={hidden}>
      <FormField
        label={`Type ${domain} to confirm`}
        name="domain"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        hint="This cannot be undone."
      />
    </ActionForm>
  );
}
