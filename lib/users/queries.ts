import "server-only";
import { defineCommand } from "../authz/command.ts";
import { holdsUsers, listStores } from "../stores/list-stores.ts";
import { ZUserListParams } from "./list-params.ts";
import { listUsers, withoutGrants } from "./list-users.ts";
import { allowedUserActions } from "./user-rules.ts";

// The console's reads of users, one command per page (app/ pages call them through loadPage).

/** The Users page: the user stores to filter by, and one keyset page of users with what the actor may do to each. */
export const usersPageQuery = defineCommand({
  feature: "users.list",
  input: ZUserListParams,
  rule: "Each row carries the actions the user rules allow the actor on it.",
  run: async (client, { principal }, params) => {
    const stores = (await listStores(client, principal.tenantId)).filter(holdsUsers);
    const store = params.domain ? stores.find((s) => s.domain.toUpperCase() === params.domain!.toUpperCase()) : undefined;
    const page =
      params.domain && !store
        ? { rows: [], next: null, prev: null }
        : await listUsers(client, principal.tenantId, {
            pattern: params.q,
            storeId: store?.id,
            claim: params.claim,
            claimValue: params.value,
            sort: params.sort,
            dir: params.dir,
            size: params.size,
            after: params.after,
            before: params.before,
          });
    const rows = page.rows.map((u) => ({
      ...withoutGrants(u),
      self: u.id === principal.userId,
      actions: allowedUserActions(principal, u),
    }));
    return { params, domains: stores.map((s) => s.domain), rows, next: page.next, prev: page.prev };
  },
});
