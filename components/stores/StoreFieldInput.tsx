"use client";

import { useFieldErrors } from "@/components/ui/ActionForm";
import { Field, FieldMessages } from "@/components/ui/Field";
import type { StoreField } from "./store-fields";

const inputClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm aria-invalid:border-red-600";

type Props = { field: StoreField; value: string; hint: string; checked?: boolean; rows?: number };

/** One connection property of the store form, with its current errors in the form (Conform's or the server's). */
export function StoreFieldInput({ field: f, value, hint, checked = false, rows = 2 }: Props) {
  const errors = useFieldErrors(f.name);
  const id = `field-${f.name}`;
  const describedBy = `${id}-hint ${id}-error`;
  const invalid = errors ? true : undefined;
  if (f.kind !== "checkbox" && f.kind !== "textarea" && f.kind !== "select") {
    return (
      <Field
        label={f.label}
        name={f.name}
        type={f.kind === "number" ? "text" : f.kind}
        inputMode={f.kind === "number" ? "numeric" : undefined}
        autoComplete={f.kind === "password" ? "new-password" : "off"}
        defaultValue={f.kind === "password" ? "" : value}
        placeholder={f.placeholder}
        hint={hint}
        errors={errors}
      />
    );
  }
  const hintAndErrors = <FieldMessages id={id} hint={hint} errors={errors} />;
  if (f.kind === "checkbox") {
    return (
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name={f.name} defaultChecked={checked} aria-describedby={describedBy} aria-invalid={invalid} />
          {f.label}
        </label>
        {hintAndErrors}
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {f.label}
      </label>
      {f.kind === "textarea" ? (
        <textarea
          id={id}
          name={f.name}
          rows={rows}
          defaultValue={value}
          placeholder={f.placeholder}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className={inputClass}
        />
      ) : (
        <select
          id={id}
          name={f.name}
          defaultValue={value || f.options![0]}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className={inputClass}
        >
          {f.options!.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      )}
      {hintAndErrors}
    </div>
  );
}
