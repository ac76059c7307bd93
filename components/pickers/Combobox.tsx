"use client";

import { useId, useState, type FocusEventHandler, type MouseEventHandler, type ReactNode } from "react";

import { OptionList, type Option } from "./OptionList";

/** The input's text, whether the list is open and the active option; the id prefixes the input, list and options. */
export function useComboboxState(initialText = "") {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  return { id, text, setText, open, setOpen, active, setActive };
}

type Props = {
  state: ReturnType<typeof useComboboxState>;
  label: string;
  hint?: string;
  placeholder?: string;
  onTextChange: (text: string) => void;
  options: readonly Option[];
  status?: { text: string; tone?: "error" };
  onPick: (option: Option | undefined) => void;
  /**
   * "open": while the list is closed, ArrowDown opens it and Enter and Escape keep their browser meaning (Enter submits
   * the form). Without it the keys act on the last options even while the list is closed.
   */
  whenClosed?: "open";
  onFocus: FocusEventHandler<HTMLInputElement>;
  onBlur: FocusEventHandler<HTMLInputElement>;
  onClick?: MouseEventHandler<HTMLInputElement>;
  /** Rendered next to the input, e.g. a hidden field that carries the pick. */
  children?: ReactNode;
};

/** The WAI-ARIA combobox markup and keys shared by the pickers; the caller holds the state (useComboboxState) and finds the options. */
export function Combobox(props: Props) {
  const { label, hint, options } = props;
  const { id, open, active, setActive, setOpen } = props.state;
  const closedOpens = props.whenClosed === "open";
  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        {label}
      </label>
      {props.children}
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-o-${active}` : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={props.state.text}
        placeholder={props.placeholder}
        autoComplete="off"
        onFocus={props.onFocus}
        onClick={props.onClick}
        onBlur={props.onBlur}
        onChange={(e) => props.onTextChange(e.target.value)}
        onKeyDown={(e) => {
          const acts = open || !closedOpens;
          if (e.key === "ArrowDown") {
            if (acts) setActive((a) => Math.min(a + 1, options.length - 1));
            else setOpen(true);
          } else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter" && acts) props.onPick(options[active]);
          else if (e.key === "Escape" && acts) setOpen(false);
          else return;
          e.preventDefault();
        }}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {open && <OptionList id={id} label={label} options={options} active={active} onPick={props.onPick} status={props.status} />}
    </div>
  );
}
