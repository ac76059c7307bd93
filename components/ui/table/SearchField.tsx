"use client";

import { useId, useRef } from "react";

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The URL key, when the field sits in a GET form (it then submits without JavaScript too). */
  name?: string;
  /** Enter outside a form; inside one, Enter submits the form as browsers do. */
  onSubmit?: () => void;
  placeholder?: string;
  hint?: string;
  width?: string;
  className?: string;
};

/**
 * The one search box of the console's lists and pickers: a labelled search input with a hint,
 * a clear button and Enter to search. The browser's own clear cross is hidden so that there is
 * one, reachable by keyboard, and clearing returns focus to the input.
 */
export function SearchField({ label, value, onChange, name, onSubmit, placeholder, hint, width = "w-56", className }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="relative mt-1">
        <input
          ref={input}
          id={id}
          name={name}
          type="search"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && onSubmit) {
              e.preventDefault();
              onSubmit();
            }
          }}
          placeholder={placeholder}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={`rounded-md border border-slate-300 bg-white py-2 pr-8 pl-3 [&::-webkit-search-cancel-button]:appearance-none ${width}`}
        />
        {value && (
          <button
            type="button"
            aria-label="Clear"
            title={`Clear ${label.toLowerCase()}`}
            onClick={() => {
              onChange("");
              input.current?.focus();
            }}
            className="absolute inset-y-0 right-1 my-auto h-6 w-6 rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}
