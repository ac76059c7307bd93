"use client";

import { startTransition, useActionState, useState } from "react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { JDBC_FIELDS, LDAP_FIELDS, type StoreField } from "./store-fields";

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

/**
 * Add or edit a secondary store: the type's properties with WSO2's names and defaults, Save,
 * and Test connection, which tests what the form holds now without saving it.
 */
export function StoreForm({ save, test, initial }: { save: FormAction; test: FormAction<TestOutcome>; initial?: StoreFormValues }) {
  const [type, setType] = useState(initial?.type ?? "ldap");
  const [saved, saveAction, saving] = useActionState(save, null);
  const [tested, testAction, testing] = useActionState(test, null);
  const [last, setLast] = useState<"save" | "test">("save");
  const state: ActionState<unknown> = last === "save" ? saved : tested;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const outcome = tested?.ok ? (tested.data as TestOutcome | undefined) : undefined;
  const fields = type === "jdbc" ? JDBC_FIELDS : LDAP_FIELDS;
  const secretSet = (name: string) => (initial?.settings[name] as { set?: boolean } | undefined)?.set === true;

  const field = (f: StoreField) => {
    const value = initial ? shown(initial.settings[f.name]) : "";
    const hint = f.kind === "password" && secretSet(f.name) ? `${f.hint} Leave blank to keep the stored one.` : f.hint;
    const id = `field-${f.name}`;
    const describedBy = `${id}-hint ${id}-error`;
    const errorList = (
      <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">
        {errors[f.name]?.map((e) => (
          <p key={e}>{e}</p>
        ))}
      </div>
    );
    if (f.kind === "checkbox") {
      const checked = initial ? initial.settings[f.name] === true : f.name === "storeSaltedPassword";
      return (
        <div key={`${type}-${f.name}`} className="space-y-1">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input type="checkbox" name={f.name} defaultChecked={checked} aria-describedby={describedBy} />
            {f.label}
          </label>
          <p id={`${id}-hint`} className="text-sm text-slate-500">
            {hint}
          </p>
          {errorList}
        </div>
      );
    }
    if (f.kind === "textarea" || f.kind === "select") {
      return (
        <div key={`${type}-${f.name}`} className="space-y-1">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {f.label}
          </label>
          {f.kind === "textarea" ? (
            <textarea
              id={id}
              name={f.name}
              rows={2}
              defaultValue={value}
              placeholder={f.placeholder}
              aria-describedby={describedBy}
              aria-invalid={errors[f.name] ? true : undefined}
              className={inputClass}
            />
          ) : (
            <select id={id} name={f.name} defaultValue={value || f.options![0]} aria-describedby={describedBy} className={inputClass}>
              {f.options!.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          )}
          <p id={`${id}-hint`} className="text-sm text-slate-500">
            {hint}
          </p>
          {errorList}
        </div>
      );
    }
    return (
      <Field
        key={`${type}-${f.name}`}
        label={f.label}
        name={f.name}
        type={f.kind === "number" ? "text" : f.kind}
        inputMode={f.kind === "number" ? "numeric" : undefined}
        autoComplete={f.kind === "password" ? "new-password" : "off"}
        defaultValue={f.kind === "password" ? "" : value}
        placeholder={f.placeholder}
        hint={hint}
        errors={errors[f.name]}
      />
    );
  };

  return (
    <form
      noValidate
      className="max-w-2xl space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const data = new FormData(event.currentTarget);
        const intent = submitter?.value === "test" ? "test" : "save";
        setLast(intent);
        startTransition(() => (intent === "test" ? testAction(data) : saveAction(data)));
      }}
    >
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
        <Field
          label="Domain name"
          name="domain"
          required
          hint="Letters, digits, “.” and “-”; shown upper-case. Not PRIMARY, Internal or Application."
          errors={errors.domain}
        />
      )}
      <Field label="Description" name="description" defaultValue={initial?.description ?? ""} errors={errors.description} />
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" name="readOnly" defaultChecked={initial?.readOnly ?? true} />
        Read-only (Gatehouse never writes to the directory)
      </label>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Connection properties</legend>
        {fields.map(field)}
        {type === "ldap" && (
          <div className="space-y-1">
            <label htmlFor="field-claimAttributes" className="block text-sm font-medium text-slate-800">
              Claim attributes
            </label>
            <textarea
              id="field-claimAttributes"
              name="claimAttributes"
              rows={3}
              defaultValue={claimText(initial?.settings.claimAttributes)}
              aria-describedby="field-claimAttributes-hint"
              className={inputClass}
            />
            <p id="field-claimAttributes-hint" className="text-sm text-slate-500">
              One “claim URI=LDAP attribute” per line. Blank: e-mail, given name and last name from mail, givenName and sn.
            </p>
          </div>
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
        <Button type="submit" name="intent" value="save" busy={saving}>
          {saving ? "Saving…" : initial ? "Save" : "Add user store"}
        </Button>
        <Button type="submit" name="intent" value="test" variant="secondary" busy={testing}>
          {testing ? "Testing…" : "Test connection"}
        </Button>
      </div>
    </form>
  );
}
