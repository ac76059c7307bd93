import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { UrlFilters } from "./UrlFilters";
import { keptState, type UrlState } from "./url-state";

type Props = {
  path: string;
  /** The list's URL state; every key the form's own fields do not carry rides along hidden. */
  state: UrlState;
  /** The search landmark's name. */
  label: string;
  /** The URL keys the form's own fields carry. */
  fields: readonly string[];
  /** The keys that reach the URL after a pause in typing (the rest on submit); all fields by default. */
  live?: readonly string[];
  /** A hidden field that carries the browser's offset from UTC (the audit log's local days). */
  zone?: string;
  children: ReactNode;
  className?: string;
};

/**
 * A list's filter form, rendered on the server: a plain GET form, so it works before hydration
 * and without JavaScript, and a reload or a shared link shows the same view. Its fields are
 * uncontrolled (UrlSearchField, selects with a default); UrlFilters binds them to the URL once
 * the page is interactive. Wait for `data-filters="bound"` on the form in tests that type.
 */
export function UrlSearchForm({ path, state, label, fields, live = fields, zone, children, className }: Props) {
  const id = useId();
  return (
    <form
      id={id}
      method="get"
      action={path}
      role="search"
      aria-label={label}
      className={className ?? "mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"}
    >
      {children}
      {keptState(state, fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <Button type="submit" variant="secondary">
        Search
      </Button>
      <UrlFilters formId={id} path={path} state={state} live={live} zone={zone} />
    </form>
  );
}
