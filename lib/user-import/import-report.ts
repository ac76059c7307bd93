import { csvCell } from "../audit/export-audit.ts";
import type { Db } from "../db/client.ts";
import { getImportJob } from "./import-jobs.ts";

const REPORT_BATCH = 2000;

/**
 * The per-row result as CSV: line, username, the preview's plan, the outcome and why. Streamed by
 * line in keyset batches, so a million-row report costs one batch of memory.
 */
export async function streamImportReport(client: Db, tenantId: number, id: number) {
  const job = await getImportJob(client, tenantId, id);
  const encoder = new TextEncoder();
  let after = 0;
  let header = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (header) {
        header = false;
        controller.enqueue(encoder.encode(`${["line", "username", "plan", "outcome", "column", "message"].map(csvCell).join(",")}\r\n`));
        return;
      }
      const rows = await client.importRow.findMany({
        where: { jobId: job.id, line: { gt: after } },
        orderBy: { line: "asc" },
        take: REPORT_BATCH,
        select: { line: true, username: true, plan: true, outcome: true, column: true, message: true },
      });
      if (rows.length === 0) return controller.close();
      after = rows[rows.length - 1]!.line;
      const text = rows
        .map((r) => [String(r.line), r.username, r.plan, r.outcome ?? "", r.column, r.message].map(csvCell).join(","))
        .join("\r\n");
      controller.enqueue(encoder.encode(`${text}\r\n`));
    },
  });
  const filename = `import-${job.id}-report.csv`;
  return { filename, contentType: "text/csv; charset=utf-8", body };
}
