"use client";

import { useState } from "react";
import type { FormAction } from "@/lib/core/action-state";
import { ActionForm, FormField } from "@/components/ui/ActionForm";

/** The typed confirmation: the delete is sent only once the domain is typed (and the server checks it again). */
export function DeleteTenantForm({ action, id, domain }: { action: FormAction; id: number; domain: string }) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim().toLowerCase() === domain;
  return (
    <ActionForm action={action} submitLabel={matches ? `Delete ${domain}` : "Type the domain to delete"} hidden={{ id: String(id) }}>
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
