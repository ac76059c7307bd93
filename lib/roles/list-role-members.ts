import type { Db } from "../db/client.ts";
import type { KeysetPage } from "../keyset.ts";
import { qualifiedName } from "../core/domains.ts";
import type { RowCount } from "../core/row-count.ts";
import { searchMatches, searchPage } from "../stores/name-search.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import type { MemberPageParams, RoleRef, UserQuery } from "../user-stores/user-store.ts";

export type RoleMember = { id: number; username: string; domain: string; qualified: string; readOnly: boolean };

type MemberFilter = Pick<UserQuery, "pattern" | "storeId">;

/** How many members listRoleMembers would return over all its pages: one COUNT, for the MI's unpaged lists. */
export async function countRoleMembers(client: Db, tenantId: number, role: RoleRef, params: MemberFilter): Promise<number> {
  return (await tenantUserStore(client, tenantId)).countUsersOfRole(client, tenantId, role, params);
}

/** The pager's total for listRoleMembers with this search (lib/user-stores/database-estimates.ts). */
export async function estimateRoleMembers(client: Db, tenantId: number, role: RoleRef, search: string | undefined): Promise<RowCount> {
  return (await tenantUserStore(client, tenantId)).estimateUsersOfRole(client, tenantId, role, { pattern: searchMatches(search) });
}

/**
 * View Users: one page of a role's members by name, for roles of any size, from the user store.
 * `search`: the console's and the CLI's search text (name-search.ts), instead of a WSO2 `pattern`.
 */
export async function listRoleMembers(
  client: Db,
  tenantId: number,
  role: RoleRef,
  params: MemberPageParams & { search?: string },
): Promise<KeysetPage<RoleMember>> {
  const users = await tenantUserStore(client, tenantId);
  const page =
    params.search === undefined
      ? await users.usersOfRole(client, tenantId, role, params)
      : await searchPage(params.search, params, (pattern, { size, after, before }) =>
          users.usersOfRole(client, tenantId, role, { ...params, pattern, size, after, before }),
        );
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: r.id,
      username: r.username,
      domain: r.domain,
      qualified: qualifiedName(r.domain, r.username),
      readOnly: r.readOnly,
    })),
  };
}
