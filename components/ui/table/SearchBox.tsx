import type { ComponentProps } from "react";

type Props = {
  id: string;
  label: string;
  hint?: string;
  width?: string;
  className?: string;
  /** The input's own props: a value and its change (SearchField), or a GET form's name and default. */
  input: ComponentProps<"input">;
  /** The clear button's props, or null for none. */
  clear: ComponentProps<"button"> | null;
};

/**
 * The search box's markup, one for both of its kinds: SearchField (a controlled client field, in
 * pickers) and UrlSearchField (a field of a list's GET form, rendered on the server). The browser's
 * own clear cross is hidden so that there is one, reachable by keyboard.
 */
export function SearchBox({ id, label, hint, width = "w-56", className, input, clear }: Props) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="relative mt-1">
        <input
          id={id}
          type="search"
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={`rounded-md border border-slate-300 bg-white py-2 pr-8 pl-3 [&::-webkit-search-cancel-button]:appearance-none ${width}`}
          {...input}
        />
        {clear && (
          <button
            type="button"
            aria-label="Clear"
            title={`Clear ${label.toLowerCase()}`}
            className="absolute inset-y-0 right-1 my-auto h-6 w-6 rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800"
            {...clear}
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
