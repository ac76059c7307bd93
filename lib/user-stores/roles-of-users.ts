import { gatehouseRolesOfUsers } from "./hybrid-memberships.ts";
import type { HeldRole, Reader, UserStore } from "./user-store.ts";

/**
 * Every role a page of users holds: the store's groups from the store, the hybrid roles from
 * Gatehouse. A store whose groups are Gatehouse roles answers both in its one query.
 */
export async function rolesOfUsers(
  client: Reader,
  tenantId: number,
  users: UserStore,
  ids: readonly number[],
): Promise<Map<number, HeldRole[]>> {
  const groups = await users.rolesOfUsers(client, tenantId, ids);
  if (users.groupsInGatehouse) return groups;
  const hybrid = await gatehouseRolesOfUsers(client, ids);
  for (const [id, roles] of hybrid) {
    const own = roles.filter((r) => r.hybrid);
    groups.set(id, [...(groups.get(id) ?? []), ...own]);
  }
  return groups;
}
