"use client";

import { lazy, startTransition, Suspense, useActionState, useEffect, useRef, useState, useTransition } from "react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import type { PickedUser } from "@/components/users/UserSearchList";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Steps } from "@/components/ui/Steps";
import { RoleNameStep } from "./RoleNameStep";

type Props = { action: FormAction; checkName: FormAction; domains: string[]; grantable: string[]; superTenant: boolean };
const STEPS = ["Domain and name", "Permissions", "Users", "Review"] as const;
const REVIEW = STEPS.length - 1;

// Steps 2 to 4 (the permission tree with its data, the user picker, the review naming
// permissions) are not needed to show step 1, so they are left out of the page's first load
// and fetched once it is interactive. React.lazy rather than next/dynamic: the same split
// without next/dynamic's loader in the first load (~1.3 kB, docs/performance.md).
const loadTree = () => import("@/components/permissions/PermissionTree").then((m) => ({ default: m.PermissionTree }));
const loadPicker = () => import("@/components/users/UserSearchList").then((m) => ({ default: m.UserSearchList }));
const loadReview = () => import("./RoleReview").then((m) => ({ default: m.RoleReview }));
const loading = <p className="text-sm text-slate-600">Loading…</p>;
const PermissionTree = lazy(loadTree);
const UserSearchList = lazy(loadPicker);
const RoleReview = lazy(loadReview);

/**
 * Add New Role, as in WSO2 plus a review: Next checks the step it leaves (the name on the
 * server, with Finish's own rules) and moves focus to the next step's heading; nothing is
 * written until Finish on the review, and then everything at once.
 */
export function NewRoleWizard({ action, checkName, domains, grantable, superTenant }: Props) {
  const [step, setStep] = useState(0);
  const [domain, setDomain] = useState(domains[0] ?? "PRIMARY");
  const [name, setName] = useState("");
  const [permissions, setPermissions] = useState<string[]>([]);
  const [users, setUsers] = useState<PickedUser[]>([]);
  const [checked, setChecked] = useState<ActionState>(null);
  const [checking, startCheck] = useTransition();
  // Where focus goes after the next render: the step's heading, or the name field that was refused.
  const focusNext = useRef<"heading" | "name" | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    void loadTree();
    void loadPicker();
    void loadReview();
  }, []);
  useEffect(() => {
    if (focusNext.current === "heading") heading.current?.focus();
    if (focusNext.current === "name") document.getElementById("role-name")?.focus();
    focusNext.current = null;
  });

  const go = (to: number, focus: "heading" | "name" = "heading") => {
    focusNext.current = focus;
    setStep(to);
  };
  const [state, finish, pending] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await action(previous, data);
    // Someone took the name since Next checked it: back to the name, with the reason on the field.
    if (result && !result.ok && result.fieldErrors?.name) {
      setChecked(result);
      go(0, "name");
    }
    // A directory group refused for its members (an LDAP groupOfNames needs one of the store's users): back to them.
    else if (result && !result.ok && result.fieldErrors?.userIds) go(2);
    return result;
  }, null);

  const form = (withAll: boolean) => {
    const data = new FormData();
    data.set("domain", domain);
    data.set("name", name);
    if (withAll) for (const p of permissions) data.append("permissions", p);
    if (withAll) for (const u of users) data.append("userIds", String(u.id));
    return data;
  };
  const next = () => {
    if (step !== 0) return go(step + 1);
    startCheck(async () => {
      const result = await checkName(null, form(false));
      setChecked(result);
      go(result?.ok ? 1 : 0, result?.ok ? "heading" : "name");
    });
  };
  const submit = () => startTransition(() => finish(form(true)));

  const nameErrors = checked && !checked.ok ? checked.fieldErrors?.name : undefined;
  const memberErrors = state && !state.ok ? state.fieldErrors?.userIds : undefined;
  const refused = [checked, state].find((s) => s && !s.ok && !s.fieldErrors?.name && !s.fieldErrors?.userIds);
  const otherError = refused && !refused.ok ? refused.message : null;

  return (
    <div className="max-w-4xl" data-testid="role-wizard">
      <Steps steps={STEPS} current={step} />
      {otherError && (
        <div className="mb-4">
          <Alert tone="error">{otherError}</Alert>
        </div>
      )}
      <section aria-labelledby="wizard-step">
        <h2 id="wizard-step" ref={heading} tabIndex={-1} className="mb-3 text-lg font-semibold outline-none focus-visible:underline">
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </h2>
        {step === 0 && (
          <RoleNameStep
            domains={domains}
            domain={domain}
            name={name}
            errors={nameErrors}
            onDomain={(d) => (setDomain(d), setChecked(null))}
            onName={(n) => (setName(n), setChecked(null))}
          />
        )}
        <Suspense fallback={loading}>
          {step === 1 && (
            <PermissionTree
              value={permissions}
              onChange={setPermissions}
              grantable={grantable}
              superTenant={superTenant}
              label="Permissions of the new role"
            />
          )}
          {step === 2 && <UserSearchList picked={users} onChange={setUsers} legend="Assign users to the new role" errors={memberErrors} />}
          {step === REVIEW && (
            <RoleReview domain={domain} name={name} permissions={permissions} users={users} onEdit={go} superTenant={superTenant} />
          )}
        </Suspense>
      </section>
      <div className="mt-6 flex flex-wrap gap-2">
        {step > 0 && (
          <Button variant="secondary" onClick={() => go(step - 1)}>
            Back
          </Button>
        )}
        {step < REVIEW ? (
          <Button onClick={next} busy={checking}>
            {checking ? "Checking…" : "Next"}
          </Button>
        ) : (
          <Button onClick={submit} busy={pending}>
            {pending ? "Creating…" : "Finish"}
          </Button>
        )}
      </div>
    </div>
  );
}
