"use client";

import { useId } from "react";

/** A labelled search box that filters a list as the admin types. */
export function FilterInput({
  label,
  value,
  onChange,
  placeholder,
  wide = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  wide?: boolean;
}) {
  const id = useId();
  return (
    <div className={wide ? "flex-1" : undefined}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        className={`mt-1 rounded-md border border-slate-300 px-3 py-1.5 ${wide ? "w-full" : "w-64"}`}
      />
    </div>
  );
}
