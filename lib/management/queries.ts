import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { qualifiedName } from "../core/domains.ts";
import type { KeysetPage } from "../keyset.ts";
import { getRole } from "../roles/get-role.ts";
import { countRoleMembers, listRoleMembers } from "../roles/list-role-members.ts";
import { findStore } from "../stores/list-stores.ts";
import { getUser } from "../users/get-user.ts";
import { countUsers, listUsers } from "../users/list-users.ts";
import { findUserId, requireRole, rolesAsMiLists, searchPattern } from "./names.ts";
import { STREAM_BATCH, streamedList } from "./stream-list.ts";

// The MI's reads of users, in the MI's answer shapes; app/management/users/** exposes them through commandRoute.

type UserItem = { userId: string };

/**
 * MI: GET /users, by pattern (`*x*`) or searchKey, optionally only members of `role`. `page`
 * null is every match, streamed with `count` the total (apictl never pages); otherwise one
 * keyset page, which the route answers with its link.
 */
export const miUsersQuery = defineCommand({
  feature: "users.list",
  input: z.object({
    pattern: z.string().optional(),
    searchKey: z.string().optional(),
    role: z.string().optional(),
    domain: z.string().optional(),
    page: z.object({ size: z.number().int().min(1), after: z.string().optional() }).nullable(),
  }),
  rule: "None beyond the feature: the tenant's users by name.",
  run: async (client, principal, input): Promise<KeysetPage<UserItem> | Response> => {
    const tenantId = principal.tenantId;
    const pattern = searchPattern(input.pattern, input.searchKey);
    const storeId = input.domain ? (await findStore(client, tenantId, input.domain)).id : undefined;
    const paged = input.page;
    if (input.role) {
      const role = await getRole(client, tenantId, (await requireRole(client, tenantId, input.role)).id);
      const members = (size: number, after?: string) => listRoleMembers(client, tenantId, role, { pattern, storeId, size, after });
      const item = (u: { qualified: string }) => ({ userId: u.qualified });
      if (paged) return itemsOf(await members(paged.size, paged.after), item);
      const count = await countRoleMembers(client, tenantId, role, { pattern, storeId });
      return streamedList({ count, listKey: "list", page: (after) => members(STREAM_BATCH, after), item });
    }
    const users = (size: number, after?: string) =>
      listUsers(client, tenantId, { pattern, storeId, sort: "username", dir: "asc", size, after });
    const item = (u: { domain: string; username: string }) => ({ userId: qualifiedName(u.domain, u.username) });
    if (paged) return itemsOf(await users(paged.size, paged.after), item);
    const count = await countUsers(client, tenantId, { pattern, storeId });
    return streamedList({ count, listKey: "list", page: (after) => users(STREAM_BATCH, after), item });
  },
});

function itemsOf<T>(page: KeysetPage<T>, item: (row: T) => UserItem): KeysetPage<UserItem> {
  return { ...page, rows: page.rows.map(item) };
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
