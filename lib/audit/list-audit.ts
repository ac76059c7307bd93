import type { Db } from "../db/client.ts";
import { fetchPage, type Page, type TPageParams } from "../paging.ts";
import type { AuditCategory } from "./actions.ts";

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
};

/**
 * The tenant's audit trail, newest first, optionally narrowed to one category. Only these fixed
 * prefixes reach startsWith, which Prisma does not escape: free text would make `_` a wildcard.
 */
export async function listAuditEvents(
  client: Db,
  tenantId: number,
  params: TPageParams & { action?: AuditCategory },
): Promise<Page<AuditRow>> {
  return fetchPage(params, (skip, take) =>
    client.auditEvent.findMany({
      where: { tenantId, ...(params.action ? { action: { startsWith: params.action } } : {}) },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip,
      take,
      select: {
        id: true,
        at: true,
        actorName: true,
        action: true,
        targetType: true,
        targetName: true,
        before: true,
        after: true,
        ip: true,
      },
    }),
  );
}
