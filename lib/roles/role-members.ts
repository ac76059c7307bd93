import type { Tx } from "../db/client.ts";
import type { UserStore } from "../user-stores/user-store.ts";
import { AppError } from "../errors.ts";
import { qualifiedName } from "../core/domains.ts";

export type AssignableUser = { id: number; username: string; domain: string; name: string };

/**
 * The tenant's users with these ids, in one query. Users of read-only stores cannot be given
 * or relieved of roles here; unknown ids are an error, not a silent skip.
 */
export async function loadAssignableUsers(tx: Tx, store: UserStore, tenantId: number, ids: readonly number[]): Promise<AssignableUser[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const users = await store.getUsers(tx, tenantId, unique);
  if (users.length !== unique.length) throw new AppError("NOT_FOUND", "Some of the selected users no longer exist. Reload and try again.");
  const readOnly = users.find((u) => u.readOnly);
  if (readOnly) throw new AppError("FORBIDDEN", `${qualifiedName(readOnly.domain, readOnly.username)} is in a read-only user store.`);
  return users.map((u) => ({ id: u.id, username: u.username, domain: u.domain, name: qualifiedName(u.domain, u.username) }));
}
