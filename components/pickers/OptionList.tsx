import type { ReactNode } from "react";

export type Option = { id: string; label: string; detail?: ReactNode; disabled?: boolean };

type Props = {
  /** The combobox's id prefix: the list is `${id}-list`, option i is `${id}-o-${i}` (its aria-activedescendant). */
  id: string;
  label: string;
  options: readonly Option[];
  active: number;
  onPick: (option: Option) => void;
  /** A line above the options (searching, failed, nothing found): a disabled option, since a listbox holds only options. */
  status?: { text: string; tone?: "error" };
};

/** The listbox under a combobox. Options keep focus in the input (mouse down is not a blur) and show why they are disabled. */
export function OptionList({ id, label, options, active, onPick, status }: Props) {
  return (
    <ul
      id={`${id}-list`}
      role="listbox"
      aria-label={label}
      className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-200 bg-white shadow-lg"
    >
      {status && (
        <li
          role="option"
          aria-selected="false"
          aria-disabled="true"
          className={`px-3 py-2 text-sm ${status.tone === "error" ? "text-red-700" : "text-slate-600"}`}
        >
          {status.text}
        </li>
      )}
      {options.map((option, i) => (
        <li
          key={option.id}
          id={`${id}-o-${i}`}
          role="option"
          aria-selected={i === active}
          aria-disabled={option.disabled || undefined}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(option)}
          className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-50" : ""} ${option.disabled ? "cursor-not-allowed text-slate-500" : ""}`}
        >
          <span className="block [overflow-wrap:anywhere]">{option.label}</span>
          {option.detail && <span className="block text-xs text-slate-600">{option.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
