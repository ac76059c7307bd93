import { z } from "zod";
import { defineRoute } from "@/lib/transport/route";
import { getConfig } from "@/lib/config/current";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { ZDomain, ZIsAdmin } from "@/lib/management/input";
import { requireRole, searchPattern } from "@/lib/management/names";
import { pagedResponse, requestedPage, ZPaging } from "@/lib/management/paging";
import { STREAM_BATCH, streamedList } from "@/lib/management/stream-list";
import { getRole } from "@/lib/roles/get-role";
import { countRoleMembers, listRoleMembers } from "@/lib/roles/list-role-members";
import { qualifiedName } from "@/lib/core/domains";
import { findStore } from "@/lib/stores/list-stores";
import { createUser, ZCreateUser } from "@/lib/users/create-user";
import { countUsers, listUsers } from "@/lib/users/list-users";
import { firstIssue } from "@/lib/core/zod-issues";

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
  const users = (size: number, after?: string) => listUsers(db(), tenantId, { pattern, storeId, sort: "username", dir: "asc", size, after });
  const item = (u: { domain: string; username: string }) => ({ userId: qualifiedName(u.domain, u.username) });
  if (paged) return pagedResponse(request, await users(paged.size, paged.after), item);
  const count = await countUsers(db(), tenantId, { pattern, storeId });
  return streamedList({ count, listKey: "list", page: (after) => users(STREAM_BATCH, after), item });
});

const ZBody = z.object({
  userId: z.string().min(1).max(1024),
  password: z.string().min(1).max(1024),
  isAdmin: ZIsAdmin,
  domain: ZDomain,
});

// The console's field names, as the MI's request calls them, so an error names what the caller sent.
const MI_FIELD: Record<string, string> = { username: "userId", password: "password", confirmPassword: "password", domain: "domain", roleIds: "isAdmin" };

/** MI: POST /users. isAdmin puts the user in the admin role, which only its holders may hand out. */
export const POST = defineRoute({ ...MGMT_ROUTE, feature: "users.create", body: ZBody }, async ({ body }, actor) => {
  const tenantId = actor.principal.tenantId;
  const admin = body.isAdmin ? await db().role.findFirst({ where: { tenantId, kind: "admin" }, select: { id: true } }) : null;
  const input = ZCreateUser(getConfig().password_policy).safeParse({
    domain: body.domain ?? "PRIMARY",
    username: body.userId,
    password: body.password,
    confirmPassword: body.password,
    roleIds: admin ? [admin.id] : [],
  });
  if (!input.success) {
    const issue = firstIssue(input.error);
    throw new AppError("INVALID_INPUT", `${MI_FIELD[String(issue.path[0])] ?? "userId"}: ${issue.message}`);
  }
  const created = await createUser(db(), actor, input.data);
  // 200, not 201: apictl and MI scripts check for 200.
  return { userId: created.qualified, status: "Added" };
});
