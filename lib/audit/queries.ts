import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import type { Db } from "../db/client.ts";
import { estimateCount, wholeView, type SqliteStat } from "../db/estimate-count.ts";
import { sql } from "../db/sql.ts";
import { PAGE_SIZES } from "../paging.ts";
import { auditWhere, isFiltered, ZAuditFilter, type TAuditFilter } from "./audit-filter.ts";
import { streamAuditExport, ZExportFormat } from "./export-audit.ts";
import { listAuditEvents } from "./list-audit.ts";

// The console's reads of the audit trail (app/(console)/audit calls them through loadPage and commandRoute).

const ZCursor = z.string().max(2048).optional().catch(undefined);

export const ZAuditPageParams = ZAuditFilter.extend({
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25),
  after: ZCursor,
  before: ZCursor,
  /** The first row's position, carried by the pager's links only to show the range. */
  start: z.coerce.number().int().min(1).max(1_000_000_000).catch(1),
});

/**
 * The statistic that estimates a filtered view on SQLite: the index of its one equality filter
 * on a column of many values (an actor, a target), whose average rows per value is a fair
 * guess. Outcome has two values, so its average says nothing about failures (2 %, or 90 %);
 * combinations and ranges have no statistic either: they say "more than 1,000".
 */
function sqliteStat(f: TAuditFilter): SqliteStat | undefined {
  const equal = (["actor", "target"] as const).filter((k) => f[k]);
  const others = Boolean(f.action || f.outcome || f.since || f.until || f.q);
  if (equal.length === 0 && !others) return { index: "AuditEvent_tenantId_at_id_idx", equalColumns: 1 };
  if (equal.length !== 1 || others) return undefined;
  const column = { actor: "actorName", target: "targetName" }[equal[0]!];
  return { index: `AuditEvent_tenantId_${column}_at_id_idx`, equalColumns: 2 };
}

/**
 * The pager's total. Free text has no index, so even a capped count may read the whole trail
 * when few events match: a text search shows its range without a total.
 */
export async function auditTotal(
  client: Db,
  tenantId: number,
  params: TAuditFilter,
  page: { rows: unknown[]; prev: unknown; next: unknown },
) {
  const whole = wholeView(page);
  if (whole) return whole;
  if (params.q) return undefined;
  return estimateCount(
    client,
    sql`"AuditEvent" WHERE ${auditWhere(tenantId, params)}`,
    { table: "AuditEvent", tenantId },
    sqliteStat(params),
  );
}

/** The Audit log page: one keyset page of the tenant's filtered events, newest first, and how many there are. */
export const auditPageQuery = defineCommand({
  feature: "audit.read",
  input: ZAuditPageParams,
  rule: "None beyond the feature: the tenant's whole trail.",
  run: async (client, principal, params) => {
    const page = await listAuditEvents(client, principal.tenantId, params, params);
    const total = await auditTotal(client, principal.tenantId, params, page);
    const rows = page.rows.map((e) => ({ ...e, id: String(e.id), at: e.at.toISOString() }));
    return { params, filtered: isFiltered(params), rows, next: page.next, prev: page.prev, total };
  },
});

/** The filtered view as a CSV or JSON download, streamed in keyset batches (export-audit.ts). */
export const auditExportQuery = defineCommand({
  feature: "audit.read",
  input: ZAuditFilter.extend({ format: ZExportFormat }),
  rule: "None beyond the feature: the tenant's whole trail, as the page filters it.",
  run: async (client, principal, { format, ...filter }) => streamAuditExport(client, principal.tenantId, filter, format),
});
