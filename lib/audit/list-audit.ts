import type { Db } from "../db/client.ts";
import { date, int, readRows, text, textOrNull, type RawRow } from "../db/raw-read.ts";
import { empty, raw, sql, type Sql } from "../db/sql.ts";
import { decodeCursor, encodeCursor, keysetPage, type Cursor, type KeysetPage } from "../keyset.ts";
import type { AuditOutcome } from "./actions.ts";
import { auditWhere, textMatch, type TAuditFilter } from "./audit-filter.ts";

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

/** An event as the pages show it, from a raw row or a Prisma one; any outcome but "failure" reads as a success. */
export const auditRow = (r: RawRow): AuditRow => ({
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
 * Rows a text search reads per page at most: free text has no index, and an unbounded scan for
 * a string in few events reads the whole trail (seconds at a million events, docs/audit.md).
 * A window that fills no page still offers Next, which searches the following window.
 */
export const TEXT_SCAN_WINDOW = 20_000;

/**
 * One page of the tenant's filtered trail by keyset: `after` pages to older events, `before`
 * back to newer ones. Each filter is an equality or range on an index ending in (at, id), so
 * page 40,000 costs what page 1 does and nothing is counted.
 */
export async function listAuditEvents(
  client: Db,
  tenantId: number,
  filter: TAuditFilter,
  params: AuditPageParams & { scanWindow?: number },
): Promise<KeysetPage<AuditRow>> {
  const forward = !params.before;
  const key = cursorKey(forward ? params.after : params.before);
  const window = filter.q ? (params.scanWindow ?? TEXT_SCAN_WINDOW) : undefined;
  const rows = await readAuditRows(client, tenantId, filter, { key, forward, limit: params.size + 1, window });
  const page = keysetPage(rows, params.size, keyOf, { forward, hadCursor: Boolean(key) });
  if (window === undefined || rows.length > params.size) return page;
  // The window may have ended the search early: go on from its last row, if rows lie beyond it.
  const [edge] = await readRows(
    client,
    windowEdgeSql(tenantId, filter, { key, forward, limit: 1, window }),
    (r) => [date(r.at), int(r.id)] as const,
  );
  if (!edge) return page;
  const cursor = encodeCursor([edge[0].toISOString(), edge[1]]);
  return forward ? { ...page, next: cursor } : { ...page, prev: cursor };
}

/** Rows after `key` in the page's direction; the export reads its batches through this too (unwindowed). */
export function readAuditRows(client: Db, tenantId: number, filter: TAuditFilter, opts: AuditSeek): Promise<AuditRow[]> {
  return readRows(client, auditRowsSql(tenantId, filter, opts), auditRow);
}

/** `window`: match free text within that many rows of the other filters only. */
export type AuditSeek = { key?: [Date, number]; forward: boolean; limit: number; window?: number };

const COLUMNS = raw(`"id", "at", "actorName", "action", "targetType", "targetName", "before", "after", "ip", "outcome"`);
const orderOf = (forward: boolean) => raw(forward ? `"at" DESC, "id" DESC` : `"at" ASC, "id" ASC`);
const seekOf = (key: [Date, number] | undefined, forward: boolean) =>
  key ? sql` AND ("at", "id") ${raw(forward ? "<" : ">")} (${key[0]}, ${key[1]})` : empty;

/** The statement itself, for readAuditRows and for the benchmark's plans (scripts/bench-audit.ts). */
export function auditRowsSql(tenantId: number, filter: TAuditFilter, { key, forward, limit, window }: AuditSeek): Sql {
  const order = orderOf(forward);
  if (window === undefined || !filter.q)
    return sql`SELECT ${COLUMNS} FROM "AuditEvent" WHERE ${auditWhere(tenantId, filter)}${seekOf(key, forward)} ORDER BY ${order} LIMIT ${limit}`;
  const others = auditWhere(tenantId, { ...filter, q: undefined });
  return sql`SELECT ${COLUMNS} FROM (SELECT * FROM "AuditEvent" WHERE ${others}${seekOf(key, forward)} ORDER BY ${order} LIMIT ${window}) AS "w"
        WHERE ${textMatch(filter.q)} ORDER BY ${order} LIMIT ${limit}`;
}

/** The window's last row, when the other filters hold rows beyond it. */
function windowEdgeSql(tenantId: number, filter: TAuditFilter, { key, forward, window }: AuditSeek): Sql {
  const others = auditWhere(tenantId, { ...filter, q: undefined });
  return sql`SELECT "at", "id" FROM "AuditEvent" WHERE ${others}${seekOf(key, forward)} ORDER BY ${orderOf(forward)} LIMIT 1 OFFSET ${window! - 1}`;
}
