import type { Tx } from "../db/client.ts";
import { qualifiedName } from "../core/domains.ts";
import type { Principal } from "../authz/principal.ts";
import { rolesOfUsers } from "../user-stores/roles-of-users.ts";
import type { UserStore } from "../user-stores/user-store.ts";
import { userActionBlocker, type UserAction, type UserFacts } from "../authz/user-rules.ts";

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
export async function partitionUsers(tx: Tx, users: UserStore, principal: Principal, ids: number[], action: UserAction) {
  const rows = await users.getUsers(tx, principal.tenantId, ids);
  const held = await rolesOfUsers(
    tx,
    principal.tenantId,
    users,
    rows.map((r) => r.id),
  );
  const allowed: (UserFacts & { name: string })[] = [];
  const skipped: BulkSummary["skipped"] = [];
  const found = new Set(rows.map((r) => r.id));
  for (const id of ids) if (!found.has(id)) skipped.push({ user: `#${id}`, reason: "no longer exists" });
  for (const row of rows) {
    const roles = held.get(row.id) ?? [];
    const facts = {
      id: row.id,
      username: row.username,
      domain: row.domain,
      readOnly: row.readOnly,
      isAdminMember: roles.some((r) => r.kind === "admin"),
      grants: [...new Set(roles.flatMap((r) => r.grants))],
    };
    const name = qualifiedName(row.domain, row.username);
    const blocker = userActionBlocker(principal, facts, action);
    if (blocker) skipped.push({ user: name, reason: blocker });
    else allowed.push({ ...facts, name });
  }
  return { allowed, skipped };
}
