import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { listStores } from "@/lib/stores/list-stores";
import { listUsers, withoutGrants } from "@/lib/users/list-users";
import { pickerPattern } from "@/lib/users/list-params";
import { ZUserPickerQuery } from "@/lib/contracts/authz";

/** Users by name (a bare word means "starts with"), paged by cursor. Feeds the user pickers and scripts. */
export const GET = defineRoute({ feature: "users.list", query: ZUserPickerQuery }, async ({ query }, { principal }) => {
  const stores = await listStores(db(), principal.tenantId);
  const store = query.domain ? stores.find((s) => s.domain.toUpperCase() === query.domain!.toUpperCase()) : undefined;
  if (query.domain && !store) return { count: 0, list: [], next: null };
  const page = await listUsers(db(), principal.tenantId, {
    pattern: pickerPattern(query.q),
    storeId: store?.id,
    sort: "username",
    dir: "asc",
    size: query.size,
    after: query.after,
  });
  const list = page.rows.map(withoutGrants);
  return { count: list.length, list, next: page.next };
});
