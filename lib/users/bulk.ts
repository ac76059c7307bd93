import type { Tx } from "../db/client.ts";
import { qualifiedName } from "../core/domains.ts";
import { loadHeldGrants, type Principal } from "../authz/principal.ts";
import { userActionBlocker, type UserAction, type UserFacts } from "./user-rules.ts";

export const BULK_CHUNK = 500;

export type BulkProgress = { done: number; total: number };
export type BulkSummary = { succeeded: number; skipped: { user: string; reason: string }[] };

export function chunks<T>(items: readonly T[], size = BULK_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Loads one chunk of selected users and splits it into those the principal may act on and
 * those skipped, each with the reason the single-user screen would give.
 */
export async function partitionUsers(tx: Pick<Tx, "user" | "membership">, principal: Principal, ids: number[], action: UserAction) {
  const rows = await tx.user.findMany({
    where: { tenantId: principal.tenantId, id: { in: ids } },
    select: {
      id: true,
      username: true,
      store: { select: { domain: true, readOnly: true } },
      memberships: { where: { role: { kind: "admin" } }, select: { roleId: true } },
    },
  });
  const held = await loadHeldGrants(
    tx,
    principal.tenantId,
    rows.map((r) => r.id),
  );
  const allowed: (UserFacts & { name: string })[] = [];
  const skipped: BulkSummary["skipped"] = [];
  const found = new Set(rows.map((r) => r.id));
  for (const id of ids) if (!found.has(id)) skipped.push({ user: `#${id}`, reason: "no longer exists" });
  for (const row of rows) {
    const facts = {
      id: row.id,
      username: row.username,
      domain: row.store.domain,
      readOnly: row.store.readOnly,
      isAdminMember: row.memberships.length > 0,
      grants: held.get(row.id) ?? [],
    };
    const name = qualifiedName(row.store.domain, row.username);
    const blocker = userActionBlocker(principal, facts, action);
    if (blocker) skipped.push({ user: name, reason: blocker });
    else allowed.push({ ...facts, name });
  }
  return { allowed, skipped };
}
