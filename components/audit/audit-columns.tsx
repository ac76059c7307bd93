import { createColumnHelper } from "@tanstack/table-core";
import type { AuditRow } from "@/lib/audit/list-audit";
import type { UrlTableFeatures } from "@/components/ui/table/features";

/** An audit row as the browser gets it: id and time as strings. */
export type AuditView = Omit<AuditRow, "id" | "at"> & { id: string; at: string };

function Change({ before, after }: { before: string | null; after: string | null }) {
  if (!before && !after) return null;
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">Details</summary>
      {before && <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all text-xs text-slate-600">before: {before}</pre>}
      {after && <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all text-xs text-slate-600">after: {after}</pre>}
    </details>
  );
}

const column = createColumnHelper<UrlTableFeatures<object>, AuditView>();
export const auditColumns = column.columns([
  column.accessor("at", { header: "Time" }),
  column.accessor("actorName", { header: "Actor", cell: (info) => <span className="break-all">{info.getValue()}</span> }),
  column.accessor("action", { header: "Action", cell: (info) => <code className="text-xs">{info.getValue()}</code> }),
  column.accessor("targetName", {
    header: "Target",
    cell: (info) => (
      <span className="break-all">
        <span className="text-slate-500">{info.row.original.targetType} </span>
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor("ip", { header: "IP address" }),
  column.display({
    id: "change",
    header: "Change",
    cell: (info) => <Change before={info.row.original.before} after={info.row.original.after} />,
  }),
]);
