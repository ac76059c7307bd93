import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { formatUtc } from "../format.ts";
import { ZPageParams } from "../paging.ts";
import { AUDIT_CATEGORIES } from "./actions.ts";
import { listAuditEvents } from "./list-audit.ts";

// The console's read of the audit trail (app/(console)/audit calls it through loadPage).

/** The filter's category; anything else shows everything, so a bad link still opens. */
const ZCategory = z.enum(Object.keys(AUDIT_CATEGORIES) as [keyof typeof AUDIT_CATEGORIES]).catch("");

/** The Audit log page: one offset page of the tenant's events, newest first, optionally of one category. */
export const auditPageQuery = defineCommand({
  feature: "audit.read",
  input: ZPageParams.extend({ action: ZCategory }),
  rule: "None beyond the feature: the tenant's whole trail.",
  run: async (client, principal, params) => {
    const page = await listAuditEvents(client, principal.tenantId, { ...params, action: params.action || undefined });
    const rows = page.rows.map((e) => ({ ...e, id: String(e.id), at: formatUtc(e.at) }));
    return { action: params.action, rows, page: page.page, size: page.size, hasNext: page.hasNext };
  },
});
