"use client";

import { startTransition, useActionState, useMemo, useState } from "react";
import { FormProvider, getFormProps, useForm } from "@conform-to/react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import { FormField, serverResult, useFormSchema, validateWith } from "@/components/ui/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { JDBC_FIELDS, LDAP_FIELDS, type StoreField } from "./store-fields";
import { StoreFieldInput } from "./StoreFieldInput";

type Step = { step: string; ok: boolean; detail: string; ms: number };
type TestOutcome = { ok: boolean; steps: Step[] };
export type StoreFormValues = {
  id: number;
  version: number;
  type: string;
  domain: string;
  description: string;
  readOnly: boolean;
  settings: Record<string, unknown>;
};

const inputClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm aria-invalid:border-red-600";

const CLAIM_ATTRIBUTES: StoreField = {
  name: "claimAttributes",
  label: "Claim attributes",
  kind: "textarea",
  hint: "One “claim URI=LDAP attribute” per line. Blank: e-mail, given name and last name from mail, givenName and sn.",
};

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.join("\n");
  if (value === undefined || value === null || typeof value === "object") return "";
  return String(value);
}

function claimText(value: unknown): string {
  if (!value || typeof value !== "object") return "";
  return Object.entries(value as Record<string, string>)
    .map(([claim, attribute]) => `${claim}=${attribute}`)
    .join("\n");
}

/** Which button posted the form: Test connection, or Save / Add user store. */
const intentOf = (submitter: Element | null | undefined) => (submitter?.getAttribute("data-intent") === "test" ? "test" : "save");

/**
 * Add or edit a secondary store: the type's properties with WSO2's names and defaults, Save,
 * and Test connection, which tests what the form holds now without saving it. The one form
 * approach of ActionForm (Conform with the action's own zod schema, every field's error at
 * once, each cleared as it is fixed), with a second action: a test is checked by the server
 * alone, since testing an unsaved draft must not demand what only saving needs.
 */
export function StoreForm({ save, test, initial }: { save: FormAction; test: FormAction<TestOutcome>; initial?: StoreFormValues }) {
  const [type, setType] = useState(initial?.type ?? "ldap");
  const [saved, saveAction, saving] = useActionState(save, null);
  const [tested, testAction, testing] = useActionState(test, null);
  const [last, setLast] = useState<"save" | "test">("save");
  const state: ActionState<unknown> = last === "save" ? saved : tested;
  const outcome = tested?.ok ? (tested.data as TestOutcome | undefined) : undefined;
  const fields = type === "jdbc" ? JDBC_FIELDS : LDAP_FIELDS;
  const secretSet = (name: string) => (initial?.settings[name] as { set?: boolean } | undefined)?.set === true;
  const validator = useFormSchema({ name: initial ? "editStore" : "addStore" });
  const lastResult = useMemo(() => serverResult(state), [state]);
  const [form] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData, submitter }) => validateWith(intentOf(submitter) === "save" ? validator.current : null, formData),
    // Dispatched by hand, as ActionForm does, so what the admin typed stays when the server refuses it.
    onSubmit: (event, { formData }) => {
      event.preventDefault();
      const intent = intentOf((event.nativeEvent as SubmitEvent).submitter);
      setLast(intent);
      startTransition(() => (intent === "test" ? testAction(formData) : saveAction(formData)));
    },
  });

  const field = (f: StoreField) => {
    const hint = f.kind === "password" && secretSet(f.name) ? `${f.hint} Leave blank to keep the stored one.` : f.hint;
    const checked = initial ? initial.settings[f.name] === true : f.name === "storeSaltedPassword";
    const value = initial ? shown(initial.settings[f.name]) : "";
    return <StoreFieldInput key={`${type}-${f.name}`} field={f} value={value} hint={hint} checked={checked} />;
  };

  return (
    <FormProvider context={form.context}>
      <form {...getFormProps(form)} className="max-w-2xl space-y-4">
        {initial && <input type="hidden" name="id" value={initial.id} />}
        {initial && <input type="hidden" name="version" value={initial.version} />}
        {state && (state.ok ? last === "save" : !state.fieldErrors) && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
        {initial ? (
          <input type="hidden" name="type" value={type} />
        ) : (
          <div className="space-y-1">
            <label htmlFor="field-type" className="block text-sm font-medium text-slate-800">
              Store type
            </label>
            <select id="field-type" name="type" value={type} onChange={(e) => setType(e.target.value)} className={inputClass}>
              <option value="ldap">LDAP directory</option>
              <option value="jdbc">WSO2 JDBC database</option>
            </select>
          </div>
        )}
        {initial ? (
          <p className="text-sm">
            Domain: <strong>{initial.domain}</strong> ({type === "ldap" ? "LDAP" : "WSO2 JDBC"})
          </p>
        ) : (
          <FormField
            label="Domain name"
            name="domain"
            required
            hint="Letters, digits, “.” and “-”; shown upper-case. Not PRIMARY, Internal or Application."
          />
        )}
        <FormField label="Description" name="description" defaultValue={initial?.description ?? ""} />
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="readOnly" defaultChecked={initial?.readOnly ?? true} />
          Read-only (Gatehouse never writes to the directory)
        </label>
        <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold">Connection properties</legend>
          {fields.map(field)}
          {type === "ldap" && (
            <StoreFieldInput
              field={CLAIM_ATTRIBUTES}
              value={claimText(initial?.settings.claimAttributes)}
              hint={CLAIM_ATTRIBUTES.hint}
              rows={3}
            />
          )}
        </fieldset>
        <section aria-live="polite" aria-label="Connection test">
          {outcome && (
            <ol className="space-y-1 rounded-md border border-slate-200 p-3 text-sm">
              {outcome.steps.map((s) => (
                <li key={s.step} className={s.ok ? "text-emerald-800" : "text-red-800"}>
                  <span className="font-medium">
                    {s.ok ? "✓" : "✗"} {s.step}
                  </span>{" "}
                  — {s.detail} <span className="text-slate-500">({s.ms} ms)</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" data-intent="save" busy={saving}>
            {saving ? "Saving…" : initial ? "Save" : "Add user store"}
          </Button>
          <Button type="submit" data-intent="test" variant="secondary" busy={testing}>
            {testing ? "Testing…" : "Test connection"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
