"use client";

import { useEffect, useRef, useState } from "react";

import { Combobox, useComboboxState } from "./Combobox";
import type { Option } from "./OptionList";

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
  const box = useComboboxState();
  const { text, setText, open, setOpen, setActive } = box;
  const [options, setOptions] = useState<Option[]>([]);
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
  }, [text, open, setActive]);

  const pick = (option: Option | undefined) => {
    if (!option || option.disabled) return;
    onPick(option);
    setText("");
    setOpen(false);
  };

  return (
    <Combobox
      state={box}
      label={label}
      hint={hint}
      placeholder={placeholder}
      onTextChange={(value) => {
        setText(value);
        setOpen(true);
      }}
      options={options}
      status={statusLine(status, options.length)}
      onPick={pick}
      onFocus={() => setOpen(true)}
      onBlur={() => setTimeout(() => setOpen(false), 150)}
    />
  );
}

function statusLine(status: "idle" | "loading" | "error", found: number) {
  if (status === "error") return { text: "The search failed. Try again.", tone: "error" as const };
  if (found > 0) return undefined;
  return { text: status === "loading" ? "Searching…" : "No matches." };
}
