import type { Db, Tx } from "../db/client.ts";
import { int, readRows, text } from "../db/raw-read.ts";
import { sql } from "../db/sql.ts";
import { jsonTable } from "../user-stores/external/json-table.ts";
import type { PlannedRow, RowData } from "./plan-rows.ts";

// The import's per-row statements as set-based SQL: Prisma's createMany and updateMany cost far
// more than their SQL per row, and an import writes every row's plan and outcome
// (docs/performance.md, "Bulk import").

const STAGED = { line: "integer", username: "text", plan: "text", message: "text", column: "text", data: "text" } as const;

export async function stageRows(client: Db, jobId: number, planned: readonly PlannedRow[]): Promise<void> {
  if (planned.length === 0) return;
  const rows = planned.map((p) => ({ ...p, data: p.data ? JSON.stringify(p.data) : "" }));
  await client.$executeRaw`INSERT INTO "ImportRow" ("jobId", "line", "username", "plan", "message", "column", "data")
    SELECT ${jobId}, j."line", j."username", j."plan", j."message", j."column", j."data"
    FROM ${jsonTable(client as unknown as Tx, rows, STAGED)} WHERE true`;
}

export type PendingRow = { line: number; plan: string; data: RowData };

/** The next rows to apply, in file order. */
export function pendingRows(client: Db, jobId: number, limit: number): Promise<PendingRow[]> {
  return readRows(
    client,
    sql`SELECT "line", "plan", "data" FROM "ImportRow" WHERE "jobId" = ${jobId} AND "outcome" IS NULL AND "plan" IN ('create', 'update')
      ORDER BY "line" LIMIT ${limit}`,
    (r) => ({ line: int(r.line), plan: text(r.plan), data: JSON.parse(text(r.data)) as RowData }),
  );
}

/**
 * Marks rows applied: outcome and message set, staged data (passwords) wiped. One UPDATE per
 * distinct outcome and message (a chunk has one or a few), each naming its lines as one JSON
 * parameter: the (jobId, line) key finds them, where an UPDATE … FROM a JSON table made SQLite
 * scan the job's rows once per line.
 */
export async function recordRowOutcomes(
  tx: Tx,
  jobId: number,
  rows: readonly { line: number; outcome: string; message: string }[],
): Promise<void> {
  const groups = new Map<string, { outcome: string; message: string; lines: { line: number }[] }>();
  for (const r of rows) {
    const key = JSON.stringify([r.outcome, r.message]);
    if (!groups.has(key)) groups.set(key, { outcome: r.outcome, message: r.message, lines: [] });
    groups.get(key)!.lines.push({ line: r.line });
  }
  for (const g of groups.values()) {
    const message = g.message === "" ? sql`"message"` : sql`${g.message}`;
    await tx.$executeRaw`UPDATE "ImportRow" SET "outcome" = ${g.outcome}, "message" = ${message}, "data" = ''
      WHERE "jobId" = ${jobId} AND "line" IN (SELECT j."line" FROM ${jsonTable(tx, g.lines, { line: "integer" })})`;
  }
}

const AUDIT = { targetId: "text", targetName: "text", after: "text" } as const;

/** One user.created event per imported user, in one statement. */
export async function auditCreated(
  tx: Tx,
  event: { tenantId: number; actorId: number; actorName: string; ip: string },
  users: readonly { targetId: string; targetName: string; after: string }[],
): Promise<void> {
  if (users.length === 0) return;
  await tx.$executeRaw`INSERT INTO "AuditEvent"
      ("tenantId", "at", "actorId", "actorName", "action", "targetType", "targetId", "targetName", "after", "ip", "outcome")
    SELECT ${event.tenantId}, ${new Date()}, ${event.actorId}, ${event.actorName}, 'user.created', 'user',
      j."targetId", j."targetName", j."after", ${event.ip}, 'success'
    FROM ${jsonTable(tx, users, AUDIT)} WHERE true`;
}
