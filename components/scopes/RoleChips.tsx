"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";

/** A list of role names typed one at a time and shown as removable chips; the server checks that each exists. */
export function RoleChips({
  label,
  value,
  onChange,
  errors,
}: {
  label: string;
  value: string[];
  onChange: (next: string[]) => void;
  errors?: string[];
}) {
  const id = useId();
  const [text, setText] = useState("");
  const add = () => {
    const name = text.trim();
    if (name && !value.some((v) => v.toLowerCase() === name.toLowerCase())) onChange([...value, name]);
    setText("");
  };
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
          placeholder="Internal/creator"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={`${id}-hint ${id}-error`}
          className="w-72 rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
        />
        <Button variant="secondary" onClick={add}>
          Add role
        </Button>
      </div>
      <p id={`${id}-hint`} className="text-sm text-slate-500">
        Type a role name and press Enter. The mapped role gets every scope these roles get, now and later.
      </p>
      <ul aria-label="Chosen roles" className="flex flex-wrap gap-2">
        {value.map((role) => (
          <li key={role} className="flex items-center gap-1 rounded-full bg-brand-100 px-3 py-1 text-sm text-brand-800">
            <span className="break-all">{role}</span>
            <button
              type="button"
              aria-label={`Remove ${role}`}
              onClick={() => onChange(value.filter((v) => v !== role))}
              className="ml-1 rounded-full px-1 hover:bg-brand-200"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">
        {errors?.map((e) => (
          <p key={e}>{e}</p>
        ))}
      </div>
    </div>
  );
}
