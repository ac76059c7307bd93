import { z } from "zod";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { ZDomain, ZIsAdmin } from "@/lib/management/input";
import { requireRole, searchPattern } from "@/lib/management/names";
import { pagedResponse, requestedPage, ZPaging } from "@/lib/management/paging";
import { STREAM_BATCH, streamedList } from "@/lib/management/stream-list";
import { adminRoleId, getRole } from "@/lib/roles/get-role";
import { countRoleMembers, listRoleMembers } from "@/lib/roles/list-role-members";
import { qualifiedName } from "@/lib/core/domains";
import { findStore } from "@/lib/stores/list-stores";
import { createUserCommand } from "@/lib/users/commands";
import { commandRoute } from "@/lib/transport/command-route";
import { ZConfiguredPassword } from "@/lib/users/password-policy";
import { countUsers, listUsers } from "@/lib/users/list-users";

// Unknown parameters and fields are ignored, as the MI ignores them (z.object strips them).
const ZQuery = z.object({
  pattern: z.string().max(256).optional(),
  searchKey: z.string().max(256).optional(),
  role: z.string().max(1024).optional(),
  domain: ZDomain,
  ...ZPaging,
});

/**
 * MI: GET /users, by pattern (`*x*`) or searchKey, optionally only members of `role`. Without
 * `limit` or `cursor` it is every match, streamed, with `count` the total (apictl never pages).
 */
export const GET = defineRoute({ ...MGMT_ROUTE, feature: "users.list", query: ZQuery }, async ({ query, request }, { principal }) => {
  const tenantId = principal.tenantId;
  const pattern = searchPattern(query.pattern, query.searchKey);
  const storeId = query.domain ? (await findStore(db(), tenantId, query.domain)).id : undefined;
  const paged = requestedPage(query);
  if (query.role) {
    const role = await getRole(db(), tenantId, (await requireRole(db(), tenantId, query.role)).id);
    const members = (size: number, after?: string) => listRoleMembers(db(), tenantId, role, { pattern, storeId, size, after });
    if (paged) return pagedResponse(request, await members(paged.size, paged.after), (u) => ({ userId: u.qualified }));
    const count = await countRoleMembers(db(), tenantId, role, { pattern, storeId });
    return streamedList({ count, listKey: "list", page: (after) => members(STREAM_BATCH, after), item: (u) => ({ userId: u.qualified }) });
  }
  const users = (size: number, after?: string) =>
    listUsers(db(), tenantId, { pattern, storeId, sort: "username", dir: "asc", size, after });
  const item = (u: { domain: string; username: string }) => ({ userId: qualifiedName(u.domain, u.username) });
  if (paged) return pagedResponse(request, await users(paged.size, paged.after), item);
  const count = await countUsers(db(), tenantId, { pattern, storeId });
  return streamedList({ count, listKey: "list", page: (after) => users(STREAM_BATCH, after), item });
});

const ZBody = z.object({
  userId: z.string().min(1).max(1024),
  // The policy is checked here, with the body, so the MI's error names the field as sent.
  password: z.string().min(1).max(1024).pipe(ZConfiguredPassword),
  isAdmin: ZIsAdmin,
  domain: ZDomain,
});

/** MI: POST /users. isAdmin puts the user in the admin role, which only its holders may hand out. */
export const POST = commandRoute(createUserCommand, {
  ...MGMT_ROUTE,
  body: ZBody,
  input: async ({ body }, { principal }, client) => {
    const admin = body.isAdmin ? await adminRoleId(client, principal.tenantId) : null;
    return { domain: body.domain ?? "PRIMARY", username: body.userId, password: body.password, roleIds: admin ? [admin] : [] };
  },
  // 200, not 201: apictl and MI scripts check for 200.
  reply: ({ qualified }) => ({ userId: qualified, status: "Added" }),
});
