"use client";

import type { FormAction } from "@/lib/core/action-state";
import { ActionForm, FormField } from "@/components/ui/ActionForm";

type Props = { action: FormAction; policy: { min_length: number; max_length: number }; emailUsernames: boolean };

/** WSO2's Add New Tenant: the domain, the tenant admin's account, and the contact details. */
export function NewTenantForm({ action, policy, emailUsernames }: Props) {
  return (
    <ActionForm action={action} submitLabel="Add Tenant" schema={{ name: "addTenant", policy }}>
      <FormField
        label="Domain"
        name="domain"
        autoComplete="off"
        required
        hint="Letters, digits, “.”, “-” and “_”, with an extension, as in acme.com. Users sign in as name@domain."
      />
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Tenant admin</legend>
        <FormField
          label="Admin username"
          name="adminUsername"
          autoComplete="off"
          required
          hint={emailUsernames ? "The admin signs in as username@domain." : "No “@”: the admin signs in as username@domain."}
        />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={policy.min_length}
          hint={`At least ${policy.min_length} characters.`}
        />
        <FormField label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required />
      </fieldset>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Contact details</legend>
        <FormField label="First name" name="firstName" autoComplete="off" required />
        <FormField label="Last name" name="lastName" autoComplete="off" required />
        <FormField label="Email" name="email" type="email" autoComplete="off" required />
      </fieldset>
    </ActionForm>
  );
}
