import type { Db } from "../db/client.ts";
import type { KeysetPage } from "../keyset.ts";
import { qualifiedName } from "../core/domains.ts";
import type { RowCount } from "../core/row-count.ts";
import { searchMatches, searchPage } from "../stores/name-search.ts";
import { rolesOfUsers } from "../user-stores/roles-of-users.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import type { StoreRef, StoreUser, UserPageParams, UserQuery, UserStore } from "../user-stores/user-store.ts";
import { holdsUsers, listStores } from "../stores/list-stores.ts";
import type { TUserListParams } from "./list-params.ts";

export type UserSort = UserPageParams["sort"];
/** `search`: the console's and the CLI's search text (name-search.ts), instead of a WSO2 `pattern`. */
export type ListUsersParams = UserPageParams & { search?: string };

export type UserListRow = {
  id: number;
  version: number;
  username: string;
  domain: string;
  readOnly: boolean;
  roles: string[];
  roleCount: number;
  isAdminMember: boolean;
  grants: string[];
  /** The list's markers: disabled, and locked (only while the lock lasts). */
  disabled: boolean;
  lockedUntil: Date | null;
};

const ROLES_SHOWN = 5;

/**
 * One page of a tenant's users from the user store, paged by keyset: never a whole-table load,
 * never a count. A page costs the store's one query and one JOIN for the roles; `stores`, the
 * tenant's store list when the caller read it, spares the store lookup.
 */
export async function listUsers(
  client: Db,
  tenantId: number,
  params: ListUsersParams,
  stores?: readonly StoreRef[],
): Promise<KeysetPage<UserListRow>> {
  const users = await tenantUserStore(client, tenantId, stores);
  const page = await storeUserPage(client, tenantId, users, params);
  const now = new Date();
  const roles = await rolesOfUsers(
    client,
    tenantId,
    users,
    page.rows.map((r) => r.id),
  );
  return {
    ...page,
    rows: page.rows.map((r) => {
      const held = roles.get(r.id) ?? [];
      const names = held.map((h) => qualifiedName(h.domain, h.name));
      return {
        id: r.id,
        version: r.version,
        username: r.username,
        domain: r.domain,
        readOnly: r.readOnly,
        roles: names.slice(0, ROLES_SHOWN),
        roleCount: names.length,
        isAdminMember: held.some((h) => h.kind === "admin"),
        grants: [...new Set(held.flatMap((h) => h.grants))],
        disabled: r.disabledAt !== null,
        lockedUntil: r.lockedUntil && r.lockedUntil > now ? r.lockedUntil : null,
      };
    }),
  };
}

/**
 * The list's own rows: the store's keyset page with the list's filters and order, the search
 * box's text read as name-search.ts reads it. listUsers and the export (export-users.ts) both
 * page through this, so they cannot disagree about which users a view holds.
 */
export function storeUserPage(client: Db, tenantId: number, users: UserStore, params: ListUsersParams): Promise<KeysetPage<StoreUser>> {
  return params.search === undefined
    ? users.listUsers(client, tenantId, params)
    : searchPage(params.search, params, (pattern, { size, after, before }) =>
        users.listUsers(client, tenantId, { ...params, pattern, size, after, before }),
      );
}

/** The users list's URL filters (list-params.ts) as the store's query; `filter` is null for a domain no user store has (nobody matches). */
export async function userListFilter(
  client: Db,
  tenantId: number,
  params: Pick<TUserListParams, "q" | "domain" | "claim" | "value">,
): Promise<{ stores: StoreRef[]; filter: (UserQuery & { search: string }) | null }> {
  const stores = (await listStores(client, tenantId)).filter(holdsUsers);
  const store = params.domain ? stores.find((s) => s.domain.toUpperCase() === params.domain!.toUpperCase()) : undefined;
  if (params.domain && !store) return { stores, filter: null };
  return { stores, filter: { search: params.q ?? "", storeId: store?.id, claim: params.claim, claimValue: params.value } };
}

export type UserFilter = UserQuery;

/** How many users listUsers would return over all its pages: one COUNT, for the MI's unpaged lists. */
export async function countUsers(client: Db, tenantId: number, params: UserFilter): Promise<number> {
  return (await tenantUserStore(client, tenantId)).countUsers(client, tenantId, params);
}

/** The pager's total for listUsers with these filters: exact up to 1,000, then estimated (lib/user-stores/database-estimates.ts). */
export async function estimateUsers(
  client: Db,
  tenantId: number,
  params: UserFilter & { search?: string },
  stores?: readonly StoreRef[],
): Promise<RowCount> {
  const { search, ...query } = params;
  const pattern = search === undefined ? query.pattern : searchMatches(search);
  return (await tenantUserStore(client, tenantId, stores)).estimateUsers(client, tenantId, { ...query, pattern });
}

/** A row as shown to a browser or script: what a user holds only decides the console's row actions on the server. */
export function withoutGrants({ grants, ...row }: UserListRow): Omit<UserListRow, "grants"> {
  void grants;
  return row;
}

/** A row of the pickers' JSON (GET /api/v1/users), whose contract names users only: no grants, no account state. */
export function pickerRow({
  grants,
  disabled,
  lockedUntil,
  ...row
}: UserListRow): Omit<UserListRow, "grants" | "disabled" | "lockedUntil"> {
  void [grants, disabled, lockedUntil];
  return row;
}
