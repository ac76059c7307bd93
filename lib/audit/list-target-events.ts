import type { Db } from "../db/client.ts";
import { decodeCursor, keysetPage, type KeysetPage } from "../keyset.ts";
import { auditRow, type AuditRow } from "./list-audit.ts";

export type TargetEventsParams = { targetType: string; targetId: string; size: number; after?: string; before?: string };

/**
 * One target's events (a user's, for its Events tab), newest first, paged by keyset on the id:
 * the filter and the order are the index (tenantId, targetType, targetId, id), so page 1,000
 * costs what page 1 does, and nothing is counted. Ids grow with time, so id order is time order.
 */
export async function listTargetEvents(client: Db, tenantId: number, params: TargetEventsParams): Promise<KeysetPage<AuditRow>> {
  const before = decodeCursor(params.before, ["int"]);
  const after = before ? undefined : decodeCursor(params.after, ["int"]);
  const forward = !before;
  const cursor = (before ?? after)?.[0] as number | undefined;
  const rows = await client.auditEvent.findMany({
    where: {
      tenantId,
      targetType: params.targetType,
      targetId: params.targetId,
      ...(cursor === undefined ? {} : { id: forward ? { lt: cursor } : { gt: cursor } }),
    },
    orderBy: { id: forward ? "desc" : "asc" },
    take: params.size + 1,
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
      outcome: true,
    },
  });
  return keysetPage(rows.map(auditRow), params.size, (r) => [r.id], { forward, hadCursor: cursor !== undefined });
}
