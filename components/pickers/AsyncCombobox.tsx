"use client";

import { useEffect, useId, useRef, useState } from "react";

export type Option = { id: string; label: string; detail?: string; disabled?: boolean };

type Props = {
  label: string;
  placeholder?: string;
  /** Fetches options for what the user typed; called after a short pause in typing. */
  search: (text: string, signal: AbortSignal) => Promise<Option[]>;
  onPick: (option: Option) => void;
  hint?: string;
};

/**
 * An ARIA combobox over a server search: type, move with the arrow keys, Enter to pick,
 * Escape to close. Disabled options stay visible with their reason.
 */
export function AsyncCombobox({ label, placeholder, search, onPick, hint }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Option[]>([]);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  }, [search]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setStatus("loading");
      searchRef
        .current(text, controller.signal)
        .then((found) => {
          setOptions(found);
          setActive(0);
          setStatus("idle");
        })
        .catch((error: Error) => {
          if (error.name !== "AbortError") setStatus("error");
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open]);

  const pick = (option: Option | undefined) => {
    if (!option || option.disabled) return;
    onPick(option);
    setText("");
    setOpen(false);
  };

  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-o-${active}` : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter") pick(options[active]);
          else if (e.key === "Escape") setOpen(false);
          else return;
          e.preventDefault();
        }}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {open && (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white shadow-lg"
        >
          {status === "loading" && options.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">Searching…</li>}
          {status === "error" && <li className="px-3 py-2 text-sm text-red-700">The search failed. Try again.</li>}
          {status === "idle" && options.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No matches.</li>}
          {options.map((option, i) => (
            <li
              key={option.id}
              id={`${id}-o-${i}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={option.disabled || undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option)}
              className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-50" : ""} ${option.disabled ? "cursor-not-allowed text-slate-400" : ""}`}
            >
              <span className="break-all">{option.label}</span>
              {option.detail && <span className="block text-xs text-slate-500">{option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
