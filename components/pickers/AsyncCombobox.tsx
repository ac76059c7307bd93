"use client";

import { useEffect, useId, useRef, useState } from "react";

import { OptionList, type Option } from "./OptionList";

export type { Option } from "./OptionList";

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
        <OptionList id={id} label={label} options={options} active={active} onPick={pick} status={statusLine(status, options.length)} />
      )}
    </div>
  );
}

function statusLine(status: "idle" | "loading" | "error", found: number) {
  if (status === "error") return { text: "The search failed. Try again.", tone: "error" as const };
  if (found > 0) return undefined;
  return { text: status === "loading" ? "Searching…" : "No matches." };
}
