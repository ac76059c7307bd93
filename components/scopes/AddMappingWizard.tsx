"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useState } from "react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Steps } from "@/components/ui/Steps";
import { Field } from "@/components/ui/Field";
import { showToast } from "@/components/ui/toast";
import { MappingEditor, mappingFormData, type MappingDraft } from "./MappingEditor";
import type { ScopeOption } from "./ScopePicker";

const STEPS = ["Provide role name", "Select permissions"] as const;

/**
 * APIM's "Add role permission": step 1 names an existing role without a mapping (checked on
 * the server before step 2 opens), step 2 maps it as an alias or to custom scopes.
 */
export function AddMappingWizard({ check, create, scopes }: { check: FormAction; create: FormAction; scopes: ScopeOption[] }) {
  const router = useRouter();
  const [step, setStep] = useState(0);
  const [role, setRole] = useState("");
  const [draft, setDraft] = useState<MappingDraft>({ mode: "alias", targets: [], scopes: [] });
  const [checked, runCheck, checking] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await check(previous, data);
    if (result?.ok) setStep(1);
    return result;
  }, null);
  const [saved, runCreate, saving] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await create(previous, data);
    if (result?.ok) {
      void showToast("success", result.message);
      router.push("/settings/role-permissions");
    } else if (result?.fieldErrors?.role) setStep(0);
    return result;
  }, null);

  const roleErrors =
    (checked && !checked.ok ? checked.fieldErrors?.role : undefined) ?? (saved && !saved.ok ? saved.fieldErrors?.role : undefined);
  const fieldErrors = saved && !saved.ok ? (saved.fieldErrors ?? {}) : {};
  const next = () => {
    const data = new FormData();
    data.set("role", role);
    startTransition(() => runCheck(data));
  };

  return (
    <div className="max-w-4xl">
      <Steps steps={STEPS} current={step} />
      {saved && !saved.ok && !saved.fieldErrors?.role && (
        <div className="mb-4">
          <Alert tone="error">{saved.message}</Alert>
        </div>
      )}
      {step === 0 ? (
        <form
          className="max-w-md space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
        >
          <Field
            label="Role name"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            hint="An existing role, for example Internal/creator or a PRIMARY role by its bare name."
            errors={roleErrors}
            autoFocus
          />
          <Button type="submit" disabled={role.trim() === ""} busy={checking}>
            {checking ? "Checking…" : "Next"}
          </Button>
        </form>
      ) : (
        <section aria-label={STEPS[1]}>
          <p className="mb-4 text-slate-700">
            Role: <strong className="break-all">{role}</strong>
          </p>
          <MappingEditor draft={draft} onChange={setDraft} scopes={scopes} errors={fieldErrors} />
          <div className="mt-6 flex gap-2">
            <Button variant="secondary" onClick={() => setStep(0)}>
              Back
            </Button>
            <Button onClick={() => startTransition(() => runCreate(mappingFormData(role, draft)))} busy={saving}>
              {saving ? "Saving…" : "Save"}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
