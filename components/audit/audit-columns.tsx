import Link from "next/link";
import { createColumnHelper } from "@tanstack/table-core";
import type { AuditRow } from "@/lib/audit/list-audit";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import { filterHref, type UrlState } from "@/components/ui/table/url-state";
import { AuditChange } from "./AuditChange";
import { LocalTime } from "./LocalTime";

/** An audit row as the browser gets it: id as a string, time as ISO text. */
export type AuditView = Omit<AuditRow, "id" | "at"> & { id: string; at: string };

/** The table's meta: the page's URL state, so a name links to the view filtered by it. */
export type AuditMeta = { state: UrlState };

const filterLink = "break-all text-brand-700 underline-offset-2 hover:underline";

const column = createColumnHelper<UrlTableFeatures<AuditMeta>, AuditView>();
export const auditColumns = column.columns([
  column.accessor("at", { header: "Time", cell: (info) => <LocalTime iso={info.getValue()} /> }),
  column.accessor("actorName", {
    header: "Actor",
    cell: (info) => (
      <Link className={filterLink} href={filterHref("/audit", info.table.options.meta!.state, { actor: info.getValue() })}>
        {info.getValue()}
        <span className="sr-only"> (show only this actor&apos;s events)</span>
      </Link>
    ),
  }),
  column.accessor("action", {
    header: "Action",
    cell: (info) => (
      <>
        <code className="text-xs">{info.getValue()}</code>
        {info.row.original.outcome === "failure" && (
          <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">failed</span>
        )}
      </>
    ),
  }),
  column.accessor("targetName", {
    header: "Target",
    cell: (info) => (
      <span className="break-all">
        <span className="text-slate-600">{info.row.original.targetType} </span>
        {info.getValue() ? (
          <Link className={filterLink} href={filterHref("/audit", info.table.options.meta!.state, { target: info.getValue() })}>
            {info.getValue()}
            <span className="sr-only"> (show only events on this target)</span>
          </Link>
        ) : null}
      </span>
    ),
  }),
  column.accessor("ip", { header: "IP address" }),
  column.display({
    id: "change",
    header: "Change",
    cell: (info) => {
      const e = info.row.original;
      return <AuditChange before={e.before} after={e.after} label={`${e.action} by ${e.actorName}`} />;
    },
  }),
]);
