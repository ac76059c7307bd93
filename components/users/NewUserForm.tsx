"use client";

import { useState } from "react";
import type { ActionState } from "@/lib/core/action-state";
import { ActionForm, FormField, useFieldErrors } from "@/components/ui/ActionForm";
import { AsyncCombobox, type Option } from "@/components/pickers/AsyncCombobox";
import { searchRoles } from "@/components/pickers/search";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  domains: string[];
  policy: { min_length: number; max_length: number };
};

function DomainField({ domains }: { domains: string[] }) {
  const errors = useFieldErrors("domain");
  return (
    <div>
      <label htmlFor="field-domain" className="block text-sm font-medium">
        Domain
      </label>
      <select
        id="field-domain"
        name="domain"
        defaultValue={domains[0]}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? "field-domain-error" : undefined}
      >
        {domains.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <p id="field-domain-error" aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** Add New User: domain, username, password twice, and initial roles. */
export function NewUserForm({ action, domains, policy }: Props) {
  const minLength = policy.min_length;
  const [roles, setRoles] = useState<Option[]>([]);
  return (
    <ActionForm
      action={action}
      submitLabel="Add User"
      schema={{ name: "newUser", policy: { min_length: minLength, max_length: policy.max_length } }}
    >
      <DomainField domains={domains} />
      <FormField label="Username" name="username" autoComplete="off" required hint="3 to 30 characters, no spaces." />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        hint={`At least ${minLength} characters.`}
      />
      <FormField label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required />
      <div>
        <AsyncCombobox
          label="Initial roles"
          placeholder="Type a role name"
          search={searchRoles}
          onPick={(o) => !roles.some((r) => r.id === o.id) && setRoles([...roles, o])}
          hint="Internal/everyone is always included."
        />
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Initial roles">
          {roles.map((r) => (
            <li key={r.id} className="flex items-center gap-1 rounded-full bg-brand-100 px-3 py-1 text-sm">
              <input type="hidden" name="roleIds" value={r.id} />
              <span className="break-all">{r.label}</span>
              <button type="button" aria-label={`Remove ${r.label}`} onClick={() => setRoles(roles.filter((x) => x.id !== r.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </ActionForm>
  );
}
