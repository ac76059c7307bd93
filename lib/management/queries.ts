import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { qualifiedName } from "../core/domains.ts";
import type { KeysetPage } from "../keyset.ts";
import { getRole } from "../roles/get-role.ts";
import { countRoleMembers, listRoleMembers } from "../roles/list-role-members.ts";
import { findStore } from "../stores/list-stores.ts";
import { getUser } from "../users/get-user.ts";
import { countUsers, listUsers } from "../users/list-users.ts";
import type { Db } from "../db/client.ts";
import { searchMatches } from "../stores/name-search.ts";
import { rolesOfUsers } from "../user-stores/roles-of-users.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import { findUserId, requireRole, rolesAsMiLists, searchPattern } from "./names.ts";
import { STREAM_BATCH, streamedList } from "./stream-list.ts";

// The MI's reads of users, in the MI's answer shapes; app/management/users/** exposes them through commandRoute.

type UserItem = { userId: string; domain?: string; roles?: string[] };
type Listed = { id: number; domain: string; username: string };

/**
 * MI: GET /users, by pattern (`*x*`) or searchKey, or by Gatehouse's `search` (the console's,
 * lib/stores/name-search.ts), optionally only members of `role`. `page` null is every match,
 * streamed with `count` the total (apictl never pages); otherwise one keyset page, which the
 * route answers with its link. `detail` adds each user's domain and roles: one query a page.
 */
export const miUsersQuery = defineCommand({
  feature: "users.list",
  input: z.object({
    pattern: z.string().optional(),
    searchKey: z.string().optional(),
    search: z.string().optional(),
    role: z.string().optional(),
    domain: z.string().optional(),
    detail: z.boolean().optional(),
    page: z.object({ size: z.number().int().min(1), after: z.string().optional() }).nullable(),
  }),
  rule: "None beyond the feature: the tenant's users by name.",
  run: async (client, principal, input): Promise<KeysetPage<UserItem> | Response> => {
    const tenantId = principal.tenantId;
    const filter = input.search !== undefined ? { search: input.search } : { pattern: searchPattern(input.pattern, input.searchKey) };
    const counted = { pattern: "search" in filter ? searchMatches(filter.search) : filter.pattern };
    const storeId = input.domain ? (await findStore(client, tenantId, input.domain)).id : undefined;
    const role = input.role ? await getRole(client, tenantId, (await requireRole(client, tenantId, input.role)).id) : undefined;
    const rows = (size: number, after?: string): Promise<KeysetPage<Listed>> =>
      role
        ? listRoleMembers(client, tenantId, role, { ...filter, storeId, size, after })
        : listUsers(client, tenantId, { ...filter, storeId, sort: "username", dir: "asc", size, after });
    const items = async (size: number, after?: string): Promise<KeysetPage<UserItem>> => {
      const page = await rows(size, after);
      const held = input.detail ? await heldRoles(client, tenantId, page.rows) : undefined;
      const item = (u: Listed): UserItem => {
        const userId = qualifiedName(u.domain, u.username);
        return held ? { userId, domain: u.domain, roles: held.get(u.id) ?? [] } : { userId };
      };
      return { ...page, rows: page.rows.map(item) };
    };
    if (input.page) return items(input.page.size, input.page.after);
    const count = role
      ? await countRoleMembers(client, tenantId, role, { ...counted, storeId })
      : await countUsers(client, tenantId, { ...counted, storeId });
    return streamedList({ count, listKey: "list", page: (after) => items(STREAM_BATCH, after), item: (u) => u });
  },
});

/** The qualified names of the roles each of these users holds, in one query for the lot. */
async function heldRoles(client: Db, tenantId: number, users: readonly Listed[]): Promise<Map<number, string[]>> {
  const store = await tenantUserStore(client, tenantId);
  const held = await rolesOfUsers(
    client,
    tenantId,
    store,
    users.map((u) => u.id),
  );
  return new Map([...held].map(([id, roles]) => [id, roles.map((r) => qualifiedName(r.domain, r.name))]));
}

/** MI: GET /users/{userId}: whether the user is an admin, and their roles (Internal/everyone included, as the MI lists it). */
export const miUserQuery = defineCommand({
  feature: "users.list",
  input: z.object({ userId: z.string(), domain: z.string().optional() }),
  rule: "None beyond the feature: any user of the tenant.",
  run: async (client, principal, input) => {
    const user = await getUser(client, principal.tenantId, await findUserId(client, principal.tenantId, input.userId, input.domain));
    const roles = await rolesAsMiLists(
      client,
      principal.tenantId,
      user.roles.map((r) => r.qualified),
    );
    return { userId: user.qualified, isAdmin: user.isAdminMember, roles };
  },
});
