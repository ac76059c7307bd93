"use client";

import { useId, useRef } from "react";
import { SearchBox } from "./SearchBox";

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter searches (the field is not in a form). */
  onSubmit?: () => void;
  placeholder?: string;
  hint?: string;
  width?: string;
  className?: string;
};

/**
 * The search box of the console's pickers: a labelled, controlled search input with a hint, a
 * clear button and Enter to search; clearing returns focus to the input. A list's filter form
 * uses UrlSearchField, which is the same box rendered on the server.
 */
export function SearchField({ label, value, onChange, onSubmit, placeholder, hint, width, className }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <SearchBox
      id={id}
      label={label}
      hint={hint}
      width={width}
      className={className}
      input={{
        ref: input,
        value,
        placeholder,
        onChange: (e) => onChange(e.target.value),
        onKeyDown: (e) => {
          if (e.key === "Enter" && onSubmit) {
            e.preventDefault();
            onSubmit();
          }
        },
      }}
      clear={
        value
          ? {
              onClick: () => {
                onChange("");
                input.current?.focus();
              },
            }
          : null
      }
    />
  );
}
