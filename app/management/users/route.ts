import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { requireRole, searchPattern } from "@/lib/management/names";
import { pagedResponse, requestedPage } from "@/lib/management/paging";
import { STREAM_BATCH, streamedList } from "@/lib/management/stream-list";
import { adminRoleId, getRole } from "@/lib/roles/get-role";
import { countRoleMembers, listRoleMembers } from "@/lib/roles/list-role-members";
import { qualifiedName } from "@/lib/core/domains";
import { findStore } from "@/lib/stores/list-stores";
import { createUser } from "@/lib/users/create-user";
import { ZConfiguredPassword } from "@/lib/users/password-policy";
import { countUsers, listUsers } from "@/lib/users/list-users";
import { ZNewUser, ZUserListQuery } from "@/lib/contracts/management";

/**
 * MI: GET /users, by pattern (`*x*`) or searchKey, optionally only members of `role`. Without
 * `limit` or `cursor` it is every match, streamed, with `count` the total (apictl never pages).
 */
export const GET = defineRoute(
  { ...MGMT_ROUTE, feature: "users.list", query: ZUserListQuery },
  async ({ query, request }, { principal }) => {
    const tenantId = principal.tenantId;
    const pattern = searchPattern(query.pattern, query.searchKey);
    const storeId = query.domain ? (await findStore(db(), tenantId, query.domain)).id : undefined;
    const paged = requestedPage(query);
    if (query.role) {
      const role = await getRole(db(), tenantId, (await requireRole(db(), tenantId, query.role)).id);
      const members = (size: number, after?: string) => listRoleMembers(db(), tenantId, role, { pattern, storeId, size, after });
      if (paged) return pagedResponse(request, await members(paged.size, paged.after), (u) => ({ userId: u.qualified }));
      const count = await countRoleMembers(db(), tenantId, role, { pattern, storeId });
      return streamedList({
        count,
        listKey: "list",
        page: (after) => members(STREAM_BATCH, after),
        item: (u) => ({ userId: u.qualified }),
      });
    }
    const users = (size: number, after?: string) =>
      listUsers(db(), tenantId, { pattern, storeId, sort: "username", dir: "asc", size, after });
    const item = (u: { domain: string; username: string }) => ({ userId: qualifiedName(u.domain, u.username) });
    if (paged) return pagedResponse(request, await users(paged.size, paged.after), item);
    const count = await countUsers(db(), tenantId, { pattern, storeId });
    return streamedList({ count, listKey: "list", page: (after) => users(STREAM_BATCH, after), item });
  },
);

// The configured policy is checked here, with the body, so the MI's error names the field as sent.
const ZBody = ZNewUser.extend({ password: ZNewUser.shape.password.pipe(ZConfiguredPassword) });

/** MI: POST /users. isAdmin puts the user in the admin role, which only its holders may hand out. */
export const POST = defineRoute({ ...MGMT_ROUTE, feature: "users.create", body: ZBody }, async ({ body }, actor) => {
  const tenantId = actor.principal.tenantId;
  const admin = body.isAdmin ? await adminRoleId(db(), tenantId) : null;
  const input = { domain: body.domain ?? "PRIMARY", username: body.userId, password: body.password, roleIds: admin ? [admin] : [] };
  const created = await createUser(db(), actor, input);
  // 200, not 201: apictl and MI scripts check for 200.
  return { userId: created.qualified, status: "Added" };
});
