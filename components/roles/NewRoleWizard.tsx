"use client";

import dynamic from "next/dynamic";
import { startTransition, useActionState, useEffect, useState } from "react";
import type { ActionState } from "@/lib/core/action-state";
import type { PickedUser } from "@/components/users/UserSearchList";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Steps } from "@/components/ui/Steps";
import { Field } from "@/components/ui/Field";

type Props = { action: (state: ActionState, form: FormData) => Promise<ActionState>; domains: string[]; grantable: string[] };
const STEPS = ["Domain and name", "Permissions", "Users"] as const;

// Steps 2 and 3 (the permission tree with its data, the user picker) are not needed to show
// step 1, so they are left out of the page's first load and fetched once it is interactive.
const loadTree = () => import("@/components/permissions/PermissionTree").then((m) => m.PermissionTree);
const loadPicker = () => import("@/components/users/UserSearchList").then((m) => m.UserSearchList);
const PermissionTree = dynamic(loadTree, { loading: () => <p className="text-sm text-slate-600">Loading the permission tree…</p> });
const UserSearchList = dynamic(loadPicker, { loading: () => <p className="text-sm text-slate-600">Loading…</p> });

/**
 * Add New Role, as in WSO2: three steps, Next and Back between them, Finish from any step.
 * Nothing is written until Finish, and then everything is written at once.
 */
export function NewRoleWizard({ action, domains, grantable }: Props) {
  const [step, setStep] = useState(0);
  useEffect(() => {
    void loadTree();
    void loadPicker();
  }, []);
  const [domain, setDomain] = useState(domains[0] ?? "PRIMARY");
  const [name, setName] = useState("");
  const [permissions, setPermissions] = useState<string[]>([]);
  const [users, setUsers] = useState<PickedUser[]>([]);
  const [state, finish, pending] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await action(previous, data);
    if (result && !result.ok && result.fieldErrors?.name) setStep(0);
    // A directory group refused for its members (an LDAP groupOfNames needs one of the store's users): back to them.
    else if (result && !result.ok && result.fieldErrors?.userIds) setStep(2);
    return result;
  }, null);

  const submit = () => {
    const data = new FormData();
    data.set("domain", domain);
    data.set("name", name);
    for (const p of permissions) data.append("permissions", p);
    for (const u of users) data.append("userIds", String(u.id));
    startTransition(() => finish(data));
  };
  const nameErrors = state && !state.ok ? state.fieldErrors?.name : undefined;
  const memberErrors = state && !state.ok ? state.fieldErrors?.userIds : undefined;

  return (
    <div className="max-w-4xl">
      <Steps steps={STEPS} current={step} />
      {state && !state.ok && !nameErrors && !memberErrors && (
        <div className="mb-4">
          <Alert tone="error">{state.message}</Alert>
        </div>
      )}
      <section aria-label={STEPS[step]}>
        {step === 0 && (
          <div className="max-w-md space-y-4">
            <div>
              <label htmlFor="role-domain" className="block text-sm font-medium">
                Domain
              </label>
              <select
                id="role-domain"
                value={domain}
                onChange={(e) => setDomain(e.target.value)}
                className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
              >
                {domains.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label="Role Name"
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              hint="3 to 30 characters, no spaces or “/”."
              errors={nameErrors}
              autoFocus
            />
          </div>
        )}
        {step === 1 && (
          <PermissionTree value={permissions} onChange={setPermissions} grantable={grantable} label="Permissions of the new role" />
        )}
        {step === 2 && <UserSearchList picked={users} onChange={setUsers} legend="Assign users to the new role" errors={memberErrors} />}
      </section>
      <div className="mt-6 flex flex-wrap gap-2">
        {step > 0 && (
          <Button variant="secondary" onClick={() => setStep(step - 1)}>
            Back
          </Button>
        )}
        {step < STEPS.length - 1 && (
          <Button variant="secondary" onClick={() => setStep(step + 1)}>
            Next
          </Button>
        )}
        <Button onClick={submit} disabled={pending}>
          {pending ? "Creating…" : "Finish"}
        </Button>
      </div>
    </div>
  );
}
