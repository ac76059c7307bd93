"use client";

import { tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";

export const plainFeatures = tableFeatures({});
export type PlainColumns<T extends RowData> = ColumnDef<typeof plainFeatures, T>[];

type Props<T extends RowData> = {
  caption: string;
  columns: PlainColumns<T>;
  rows: T[];
  getRowId: (row: T) => string;
  empty: ReactNode;
};

/**
 * Renders one page the server already paged, sorted and filtered; the table only lays it out.
 * `columns` must be stable (module scope), or every render rebuilds the row model.
 */
export function DataTable<T extends RowData>({ caption, columns, rows, getRowId, empty }: Props<T>) {
  const table = useTable({ features: plainFeatures, columns, data: rows, getRowId });
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
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
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
