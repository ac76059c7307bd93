"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import {
  functionalUpdate,
  useTable,
  type ColumnDef,
  type RowData,
  type ColumnFiltersState,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useSelection } from "./useSelection";
import { urlTableFeatures, type UrlTableFeatures } from "./features";
import { fromColumnFilters, hrefFor, toTableFilters, type FilterKeys, type Paging, type UrlState } from "./url-state";
import { useUrlFilters, type UrlFilters } from "./useUrlFilters";

/** One filter field bound to the URL through the table: its key, its value as typed, and its change. */
export type FilterField = { name: string; value: string; onChange: (value: string) => void };
/** What a table's filter form needs of the hook. */
export type UrlTableFilters = { filters: UrlFilters; filter: (key: string) => FilterField };

/** The sort as the URL's `sort` and `dir` carry it; the page's zod schema owns their values and defaults. */
export type UrlSort = { by: string; dir: "asc" | "desc" };

type Options<TMeta extends object, TData extends RowData> = {
  /** The page's path and the URL state it owns, as its server component parsed it. */
  url: { path: string; state: UrlState; sort?: UrlSort; paging?: Paging };
  columns: ColumnDef<UrlTableFeatures<TMeta>, TData>[];
  rows: TData[];
  getRowId: (row: TData) => string;
  meta: TMeta;
  /** The URL keys this table filters by; the filter form binds to them through `filters`. */
  filters?: FilterKeys;
  /** Rows picked here stay picked across pages: kept in sessionStorage under `key`, with a label each. */
  selection?: { key: string; label: (row: TData) => string };
};

/**
 * One binding of TanStack Table to the URL for every console table. The server pages, sorts and
 * filters (keyset cursors cannot be computed in the browser), so the URL is the state: sorting
 * is read from it and a sort change navigates to the new URL; links for sort headers and pages
 * keep every other parameter. Filters are TanStack's global and column filters, read from the URL
 * and written back to it by `useUrlFilters` (debounced, back to the first page). Selection lives
 * in sessionStorage, not the URL, so that it survives paging without putting hundreds of ids in a
 * shareable link.
 */
export function useUrlTable<TMeta extends object, TData extends RowData>({
  url,
  columns,
  rows,
  getRowId,
  meta,
  filters: filterKeys = {},
  selection,
}: Options<TMeta, TData>) {
  const router = useRouter();
  const picked = useSelection(selection?.key);
  const { path, state, sort } = url;
  const sorting: SortingState = useMemo(() => (sort ? [{ id: sort.by, desc: sort.dir === "desc" }] : []), [sort]);
  const rowSelection: RowSelectionState = useMemo(
    () => Object.fromEntries(Object.keys(picked.selected).map((id) => [id, true])),
    [picked.selected],
  );

  const filters = useUrlFilters(path, state, [...(filterKeys.global ? [filterKeys.global] : []), ...(filterKeys.columns ?? [])]);
  const { globalFilter, columnFilters } = toTableFilters(filterKeys, filters.values);

  const href = (patch: UrlState = {}) => hrefFor(path, state, patch);
  /** Sorting by a column the list is already sorted by reverses it; any other starts ascending. */
  const sortHref = (columnId: string) => href({ sort: columnId, dir: sort?.by === columnId && sort.dir === "asc" ? "desc" : "asc" });

  const table = useTable({
    features: urlTableFeatures as UrlTableFeatures<TMeta>,
    columns,
    data: rows,
    getRowId,
    meta,
    manualSorting: true,
    enableSorting: Boolean(sort),
    enableMultiSort: false,
    enableRowSelection: Boolean(selection),
    manualFiltering: true,
    state: { sorting, rowSelection, globalFilter, columnFilters },
    onGlobalFilterChange: (updater: Updater<string>) => {
      if (filterKeys.global) filters.set({ [filterKeys.global]: String(functionalUpdate(updater, globalFilter) ?? "") });
    },
    onColumnFiltersChange: (updater: Updater<ColumnFiltersState>) => {
      filters.set(fromColumnFilters(filterKeys, functionalUpdate(updater, columnFilters)));
    },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = functionalUpdate(updater, sorting)[0];
      if (sort && next) router.push(href({ sort: next.id, dir: next.desc ? "desc" : "asc" }));
    },
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => {
      if (!selection) return;
      const next = functionalUpdate(updater, rowSelection);
      const labels = new Map(rows.map((row) => [getRowId(row), selection.label(row)]));
      picked.set(
        Object.fromEntries(
          Object.keys(next)
            .filter((id) => next[id])
            .map((id) => [id, picked.selected[id] ?? labels.get(id) ?? id]),
        ),
      );
    },
  });
  /** One filter field's binding: its URL key, its value as typed, and the change through TanStack. */
  const filter = (key: string): FilterField => ({
    name: key,
    value: filters.values[key] ?? "",
    onChange: (value: string) =>
      key === filterKeys.global
        ? table.setGlobalFilter(value)
        : table.setColumnFilters((old) => [...old.filter((f) => f.id !== key), ...(value ? [{ id: key, value }] : [])]),
  });
  return { table, href, sortHref, selection: picked, filters, filter };
}
