"use client";

import type { FormAction } from "@/lib/core/action-state";
import { ActionForm, FormField } from "@/components/ui/ActionForm";

type Contact = { id: number; firstName: string; lastName: string; email: string };

/** Edit contact details: the names and email of the Add New Tenant form; the admin's account stays theirs. */
export function TenantContactForm({ action, tenant }: { action: FormAction; tenant: Contact }) {
  return (
    <ActionForm
      action={action}
      submitLabel="Save"
      schema={{ name: "tenantContact" }}
      resetOnSuccess={false}
      hidden={{ id: String(tenant.id) }}
    >
      <FormField label="First name" name="firstName" autoComplete="off" required defaultValue={tenant.firstName} />
      <FormField label="Last name" name="lastName" autoComplete="off" required defaultValue={tenant.lastName} />
      <FormField label="Email" name="email" type="email" autoComplete="off" required defaultValue={tenant.email} />
    </ActionForm>
  );
}
