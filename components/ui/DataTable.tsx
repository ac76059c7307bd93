"use client";

import Link from "next/link";
import type { Header, RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { UrlTableFeatures } from "./table/features";
import type { useUrlTable } from "./table/useUrlTable";

type UrlTable<TMeta extends object, T extends RowData> = ReturnType<typeof useUrlTable<TMeta, T>>;
type Props<TMeta extends object, T extends RowData> = { caption: string; urlTable: UrlTable<TMeta, T>; empty: ReactNode };

/** A sort header is a link to the re-sorted URL, so it works before hydration and can be shared. */
function SortLink<TMeta extends object, T extends RowData>({
  header,
  href,
  children,
}: {
  header: Header<UrlTableFeatures<TMeta>, T, unknown>;
  href: string;
  children: ReactNode;
}) {
  const sorted = header.column.getIsSorted();
  const dir = sorted === "asc" ? "ascending" : "descending";
  return (
    <Link href={href} className="inline-flex items-center gap-1 hover:underline" aria-sort={sorted ? dir : undefined}>
      {children}
      <span aria-hidden="true">{sorted ? (sorted === "asc" ? "▲" : "▼") : "↕"}</span>
      <span className="sr-only">{sorted ? `, sorted ${dir}; activate to reverse` : ", activate to sort"}</span>
    </Link>
  );
}

/**
 * Renders one page the server already paged, sorted and filtered; the table only lays it out.
 * Columns must be stable (module scope, in the table's own columns file).
 */
export function DataTable<TMeta extends object, T extends RowData>({ caption, urlTable, empty }: Props<TMeta, T>) {
  const { table, sortHref } = urlTable;
  const rows = table.getRowModel().rows;
  if (rows.length === 0) return <>{empty}</>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-4 py-2.5 text-left font-semibold text-slate-700">
                  {header.isPlaceholder ? null : header.column.getCanSort() ? (
                    <SortLink header={header} href={sortHref(header.column.id)}>
                      <table.FlexRender header={header} />
                    </SortLink>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-4 py-2.5 align-top">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
