"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import {
  functionalUpdate,
  useTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useSelection } from "./useSelection";
import { urlTableFeatures, type UrlTableFeatures } from "./features";
import { hrefFor, type Paging, type UrlState } from "./url-state";

/** The sort as the URL's `sort` and `dir` carry it; the page's zod schema owns their values and defaults. */
export type UrlSort = { by: string; dir: "asc" | "desc" };

type Options<TMeta extends object, TData extends RowData> = {
  /** The page's path and the URL state it owns, as its server component parsed it. */
  url: { path: string; state: UrlState; sort?: UrlSort; paging?: Paging };
  columns: ColumnDef<UrlTableFeatures<TMeta>, TData>[];
  rows: TData[];
  getRowId: (row: TData) => string;
  meta: TMeta;
  /** Rows picked here stay picked across pages: kept in sessionStorage under `key`, with a label each. */
  selection?: { key: string; label: (row: TData) => string };
};

/**
 * One binding of TanStack Table to the URL for every console table. The server pages, sorts and
 * filters (keyset cursors cannot be computed in the browser), so the URL is the state: sorting
 * is read from it and a sort change navigates to the new URL; links for sort headers and pages
 * keep every other parameter. Selection lives in sessionStorage, not the URL, so that it survives
 * paging without putting hundreds of ids in a shareable link.
 */
export function useUrlTable<TMeta extends object, TData extends RowData>({
  url,
  columns,
  rows,
  getRowId,
  meta,
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
    state: { sorting, rowSelection },
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
  return { table, href, sortHref, selection: picked };
}
