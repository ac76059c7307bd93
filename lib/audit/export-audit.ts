import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { TAuditFilter } from "./audit-filter.ts";
import { readAuditRows, type AuditRow } from "./list-audit.ts";

export const ZExportFormat = z.enum(["csv", "json"]).catch("csv");
export type TExportFormat = z.infer<typeof ZExportFormat>;

/** Rows per query while streaming: one batch is all the export ever holds in memory. */
export const EXPORT_BATCH = 500;

const COLUMNS = ["time", "actor", "action", "outcome", "targetType", "target", "ip", "before", "after"] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * read past) as a formula: such a cell gets a leading apostrophe, shown as text (OWASP's advice
 * on CSV injection). Every cell is quoted, so commas, quotes and line breaks stay in it.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

function csvLine(e: AuditRow): string {
  const cells = [e.at.toISOString(), e.actorName, e.action, e.outcome, e.targetType, e.targetName, e.ip, e.before ?? "", e.after ?? ""];
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** The stored change is JSON text; the JSON export nests it as the value it was. */
function parsed(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function jsonItem(e: AuditRow): string {
  const { id: _id, at, actorName, targetName, before, after, ...rest } = e;
  return JSON.stringify({
    time: at.toISOString(),
    actor: actorName,
    target: targetName,
    ...rest,
    before: parsed(before),
    after: parsed(after),
  });
}

export type AuditExport = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

/**
 * The filtered view, newest first, written one keyset batch at a time as the client reads: a
 * million events cost the memory of one batch. A database failure mid-stream aborts the stream,
 * so the download fails rather than looking complete.
 */
export function streamAuditExport(client: Db, tenantId: number, filter: TAuditFilter, format: TExportFormat): AuditExport {
  const encoder = new TextEncoder();
  let key: [Date, number] | undefined;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? `${COLUMNS.join(",")}\r\n` : "["));
    },
    async pull(controller) {
      const rows = await readAuditRows(client, tenantId, filter, { key, forward: true, limit: EXPORT_BATCH });
      if (rows.length > 0) {
        const text = format === "csv" ? rows.map(csvLine).join("") : `${first ? "" : ","}\n${rows.map(jsonItem).join(",\n")}`;
        controller.enqueue(encoder.encode(text));
        first = false;
        const last = rows.at(-1)!;
        key = [last.at, last.id];
      }
      if (rows.length < EXPORT_BATCH) {
        if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
        controller.close();
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `audit-${stamp}.${format}`,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    body,
  };
}
