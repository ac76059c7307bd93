"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { keptState } from "./url-state";
import type { UrlFilters } from "./useUrlFilters";

type Props = {
  filters: UrlFilters;
  /** The search landmark's name. */
  label: string;
  /** The URL keys the form's own fields carry; every other key of the table state rides along hidden. */
  fields: readonly string[];
  children: ReactNode;
  className?: string;
};

/**
 * A list's filter form: a plain GET form, so it works before hydration and a reload or a shared
 * link shows the same view; with JavaScript, submitting navigates through the filter binding instead.
 */
export function UrlSearchForm({ filters, label, fields, children, className }: Props) {
  return (
    <form
      method="get"
      action={filters.path}
      role="search"
      aria-label={label}
      onSubmit={filters.submit}
      className={className ?? "mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"}
    >
      {children}
      {keptState(filters.state, fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
