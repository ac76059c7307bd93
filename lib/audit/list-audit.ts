import type { Db } from "../db/client.ts";
import { date, int, readRows, text, textOrNull, type RawRow } from "../db/raw-read.ts";
import { empty, raw, sql, type Sql } from "../db/sql.ts";
import { decodeCursor, keysetPage, type Cursor, type KeysetPage } from "../keyset.ts";
import type { AuditOutcome } from "./actions.ts";
import { auditWhere, type TAuditFilter } from "./audit-filter.ts";

export type AuditRow = {
  id: number;
  at: Date;
  actorName: string;
  action: string;
  targetType: string;
  targetName: string;
  before: string | null;
  after: string | null;
  ip: string;
  outcome: AuditOutcome;
};

const row = (r: RawRow): AuditRow => ({
  id: int(r.id),
  at: date(r.at),
  actorName: text(r.actorName),
  action: text(r.action),
  targetType: text(r.targetType),
  targetName: text(r.targetName),
  before: textOrNull(r.before),
  after: textOrNull(r.after),
  ip: text(r.ip),
  outcome: text(r.outcome) === "failure" ? "failure" : "success",
});

/** The keyset: newest first, id breaking ties between events of the same millisecond. */
const KEY_SHAPE = ["string", "int"] as const;
const keyOf = (e: AuditRow): Cursor => [e.at.toISOString(), e.id];

export type AuditPageParams = { size: number; after?: string; before?: string };

/** A cursor's instant, or undefined when it was tampered into something that is not one. */
function cursorKey(value: string | undefined): [Date, number] | undefined {
  const cursor = decodeCursor(value, KEY_SHAPE);
  if (!cursor) return undefined;
  const at = new Date(cursor[0] as string);
  return Number.isNaN(at.getTime()) ? undefined : [at, cursor[1] as number];
}

/**
 * One page of the tenant's filtered trail by keyset: `after` pages to older events, `before`
 * back to newer ones. Each filter is an equality or range on an index ending in (at, id), so
 * page 40,000 costs what page 1 does and nothing is counted.
 */
export async function listAuditEvents(
  client: Db,
  tenantId: number,
  filter: TAuditFilter,
  params: AuditPageParams,
): Promise<KeysetPage<AuditRow>> {
  const forward = !params.before;
  const key = cursorKey(forward ? params.after : params.before);
  const rows = await readAuditRows(client, tenantId, filter, { key, forward, limit: params.size + 1 });
  return keysetPage(rows, params.size, keyOf, { forward, hadCursor: Boolean(key) });
}

/** Rows after `key` in the page's direction; the export reads its batches through this too. */
export function readAuditRows(client: Db, tenantId: number, filter: TAuditFilter, opts: AuditSeek): Promise<AuditRow[]> {
  return readRows(client, auditRowsSql(tenantId, filter, opts), row);
}

export type AuditSeek = { key?: [Date, number]; forward: boolean; limit: number };

/** The statement itself, for readAuditRows and for the benchmark's plans (scripts/bench-audit.ts). */
export function auditRowsSql(tenantId: number, filter: TAuditFilter, { key, forward, limit }: AuditSeek): Sql {
  const seek = key ? sql` AND ("at", "id") ${raw(forward ? "<" : ">")} (${key[0]}, ${key[1]})` : empty;
  const order = raw(forward ? `"at" DESC, "id" DESC` : `"at" ASC, "id" ASC`);
  return sql`SELECT "id", "at", "actorName", "action", "targetType", "targetName", "before", "after", "ip", "outcome"
        FROM "AuditEvent" WHERE ${auditWhere(tenantId, filter)}${seek}
        ORDER BY ${order} LIMIT ${limit}`;
}
