import { z } from "zod";
import { isWellFormedText } from "../http/well-formed.ts";
import { join, sql, type Sql } from "../db/sql.ts";
import { actionsOf, AUDIT_ACTIONS, AUDIT_CATEGORIES, AUDIT_OUTCOMES, type AuditCategory } from "./actions.ts";

// Every filter of the audit log, as the page's URL and the export route's query carry it. A
// malformed value drops that filter rather than failing, so a bad link still opens a page.

const blank = (v: unknown) => (v === "" ? undefined : v);
const ZText = (max: number) => z.preprocess(blank, z.string().trim().min(1).max(max).refine(isWellFormedText).optional()).catch(undefined);
const ZDay = z.preprocess(blank, z.iso.date().optional()).catch(undefined);
const CATEGORIES = Object.keys(AUDIT_CATEGORIES).filter(Boolean) as AuditCategory[];

export const ZAuditFilter = z.object({
  /** A category (an action prefix such as "user.") or one exact action. */
  action: z.preprocess(blank, z.enum([...CATEGORIES, ...AUDIT_ACTIONS]).optional()).catch(undefined),
  /** Exact names, as the rows show them: a row's actor or target link sets them. */
  actor: ZText(256),
  target: ZText(256),
  outcome: z.preprocess(blank, z.enum(AUDIT_OUTCOMES).optional()).catch(undefined),
  /** Calendar days, inclusive, in the browser's zone (`tz`); UTC without JavaScript. */
  since: ZDay,
  until: ZDay,
  /** The browser's Date#getTimezoneOffset() in minutes (UTC minus local), set by the filter form. */
  tz: z.coerce.number().int().min(-900).max(900).catch(0),
  /** Free text, found anywhere in the names, the action, the address or the change. */
  q: ZText(200),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** Local midnight of a `YYYY-MM-DD` day, `days` later, as an instant. */
function midnight(day: string, tz: number, days = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days) + tz * 60_000);
}

/** `%`, `_` and the escape itself match literally. */
const likeAnywhere = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The WHERE clause of a filtered view: tenant first, then each filter as an equality or range
 * that one of AuditEvent's (tenantId, column, at, id) indexes serves. Text search has no index:
 * it filters rows read in time order and stops once a page is full (docs/audit.md).
 */
export function auditWhere(tenantId: number, f: TAuditFilter): Sql {
  const parts: Sql[] = [sql`"tenantId" = ${tenantId}`];
  if (f.action)
    parts.push(f.action.endsWith(".") ? sql`"action" IN (${join(actionsOf(f.action as AuditCategory))})` : sql`"action" = ${f.action}`);
  if (f.actor) parts.push(sql`"actorName" = ${f.actor}`);
  if (f.target) parts.push(sql`"targetName" = ${f.target}`);
  if (f.outcome) parts.push(sql`"outcome" = ${f.outcome}`);
  if (f.since) parts.push(sql`"at" >= ${midnight(f.since, f.tz)}`);
  if (f.until) parts.push(sql`"at" < ${midnight(f.until, f.tz, 1)}`);
  if (f.q) parts.push(textMatch(f.q));
  return join(parts, " AND ");
}

/** The free-text condition alone (list-audit.ts applies it to a bounded window of rows). */
export function textMatch(q: string): Sql {
  return sql`lower("actorName" || ' ' || "targetName" || ' ' || "action" || ' ' || "ip" || ' ' || coalesce("before", '') || ' ' || coalesce("after", '')) LIKE ${likeAnywhere(q)} ESCAPE '\\'`;
}

/** True when any filter is set (the empty state and the estimate's wording depend on it). */
export const isFiltered = (f: TAuditFilter) => Boolean(f.action || f.actor || f.target || f.outcome || f.since || f.until || f.q);
