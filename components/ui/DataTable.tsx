import Link from "next/link";
import type { ReactNode } from "react";
import { constructTable, type ColumnDef, type RowData } from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { flexRender } from "@tanstack/react-table/flex-render";
import { urlTableFeatures, type UrlTableFeatures } from "./table/features";
import { hrefFor, type UrlState } from "./table/url-state";

/** The sort as the URL's `sort` and `dir` carry it; the page's zod schema owns their values and defaults. */
export type UrlSort = { by: string; dir: "asc" | "desc" };

type Props<TMeta extends object, T extends RowData> = {
  caption: string;
  /** Module-scope columns (the table's own columns file); cells may render client islands. */
  columns: ColumnDef<UrlTableFeatures<TMeta>, T>[];
  rows: T[];
  getRowId: (row: T) => string;
  meta: TMeta;
  /** The page's path and URL state, as its server component parsed it; `sort` when the list sorts. */
  url: { path: string; state: UrlState; sort?: UrlSort };
  empty: ReactNode;
  /**
   * The rows' `<tr>`s from a client component given the rows' data (UsersRows, TenantsRows): the RSC
   * payload then carries the data, not every cell's element tree. The columns then give only the headers.
   */
  body?: ReactNode;
};

/** A sort header is a link to the re-sorted URL, so it works without JavaScript and can be shared; its <th> carries aria-sort. */
function SortLink({ sorted, href, children }: { sorted: false | "asc" | "desc"; href: string; children: ReactNode }) {
  const dir = sorted === "asc" ? "ascending" : "descending";
  return (
    <Link href={href} className="inline-flex items-center gap-1 hover:underline">
      {children}
      <span aria-hidden="true">{sorted ? (sorted === "asc" ? "▲" : "▼") : "↕"}</span>
      <span className="sr-only">{sorted ? `, sorted ${dir}; activate to reverse` : ", activate to sort"}</span>
    </Link>
  );
}

const sortState = (sorted: false | "asc" | "desc") => (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined);

/**
 * Renders one page the server already paged, sorted and filtered, on the server: TanStack's core
 * builds the table model here and the browser gets HTML, with client code only for the cells that
 * need it (selection) and one host for the row actions (row-actions.tsx). The URL is the table's state; sorting by the column the
 * list is sorted by reverses it, any other starts ascending.
 */
export function DataTable<TMeta extends object, T extends RowData>({
  caption,
  columns,
  rows,
  getRowId,
  meta,
  url,
  empty,
  body,
}: Props<TMeta, T>) {
  if (rows.length === 0) return <>{empty}</>;
  const { path, state, sort } = url;
  const table = constructTable({
    // A plain store for the one synchronous render; `tableMeta` is a type-only slot (see features.ts).
    features: { coreReactivityFeature: storeReactivityBindings(), ...urlTableFeatures } as unknown as UrlTableFeatures<TMeta>,
    columns,
    data: rows,
    getRowId,
    meta,
    manualSorting: true,
    enableSorting: Boolean(sort),
    enableMultiSort: false,
    state: { sorting: sort ? [{ id: sort.by, desc: sort.dir === "desc" }] : [] },
  });
  const sortHref = (id: string) => hrefFor(path, state, { sort: id, dir: sort?.by === id && sort.dir === "asc" ? "desc" : "asc" });
  return (
    // A wide table scrolls inside this box, never the page (390 px). The box is a named, focusable
    // region so a keyboard user can scroll it too (axe: scrollable-region-focusable). `relative` keeps
    // absolutely placed descendants (sr-only text) inside the box instead of widening the page.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      {/* Cell and row styles are the `data-table` class's (globals.css): written once, not on every cell. */}
      <table className="data-table min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  // aria-sort belongs on the column header, not on the link inside it (axe: aria-allowed-attr).
                  <th
                    key={header.id}
                    scope="col"
                    className="px-4 py-2.5 text-left font-semibold text-slate-700"
                    aria-sort={sortState(header.column.getIsSorted())}
                  >
                    {content !== null && header.column.getCanSort() ? (
                      <SortLink sorted={header.column.getIsSorted()} href={sortHref(header.column.id)}>
                        {content}
                      </SortLink>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {body ??
            table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
