import { z } from "zod";
import { defineRoute } from "@/lib/authz/route";
import { getConfig } from "@/lib/config/current";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { requireRole, searchPattern } from "@/lib/management/names";
import { pagedResponse, ZPaging } from "@/lib/management/paging";
import { getRole } from "@/lib/roles/get-role";
import { listRoleMembers } from "@/lib/roles/list-role-members";
import { qualifiedName } from "@/lib/stores/domains";
import { findStore } from "@/lib/stores/list-stores";
import { createUser, ZCreateUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

const ZQuery = z.strictObject({
  pattern: z.string().max(256).optional(),
  searchKey: z.string().max(256).optional(),
  role: z.string().max(1024).optional(),
  domain: z.string().max(64).optional(),
  ...ZPaging,
});

/** MI: GET /users, by pattern (`*x*`) or searchKey, optionally only members of `role`. Paged. */
export const GET = defineRoute({ ...MGMT_ROUTE, feature: "users.list", query: ZQuery }, async ({ query, request }, { principal }) => {
  const tenantId = principal.tenantId;
  const pattern = searchPattern(query.pattern, query.searchKey);
  const storeId = query.domain ? (await findStore(db(), tenantId, query.domain)).id : undefined;
  if (query.role) {
    const role = await getRole(db(), tenantId, (await requireRole(db(), tenantId, query.role)).id);
    const page = await listRoleMembers(db(), tenantId, role, { pattern, size: query.limit, after: query.cursor });
    const rows = storeId === undefined ? page : { ...page, rows: page.rows.filter((r) => r.domain.toUpperCase() === query.domain!.toUpperCase()) };
    return pagedResponse(request, rows, (u) => ({ userId: u.qualified }));
  }
  const page = await listUsers(db(), tenantId, { pattern, storeId, sort: "username", dir: "asc", size: query.limit, after: query.cursor });
  return pagedResponse(request, page, (u) => ({ userId: qualifiedName(u.domain, u.username) }));
});

const ZBody = z.strictObject({
  userId: z.string().min(1).max(1024),
  password: z.string().min(1).max(1024),
  isAdmin: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(false),
  domain: z.string().min(1).max(64).default("PRIMARY"),
});

// The console's field names, as the MI's request calls them, so an error names what the caller sent.
const MI_FIELD: Record<string, string> = { username: "userId", password: "password", confirmPassword: "password", domain: "domain", roleIds: "isAdmin" };

/** MI: POST /users. isAdmin puts the user in the admin role, which only its holders may hand out. */
export const POST = defineRoute({ ...MGMT_ROUTE, feature: "users.create", body: ZBody }, async ({ body }, actor) => {
  const tenantId = actor.principal.tenantId;
  const admin = body.isAdmin ? await db().role.findFirst({ where: { tenantId, kind: "admin" }, select: { id: true } }) : null;
  const input = ZCreateUser(getConfig().password_policy).safeParse({
    domain: body.domain,
    username: body.userId,
    password: body.password,
    confirmPassword: body.password,
    roleIds: admin ? [admin.id] : [],
  });
  if (!input.success) {
    const issue = input.error.issues[0]!;
    throw new AppError("INVALID_INPUT", `${MI_FIELD[String(issue.path[0])] ?? "userId"}: ${issue.message}`);
  }
  const created = await createUser(db(), actor, input.data);
  // 200, not 201: apictl and MI scripts check for 200.
  return { userId: created.qualified, status: "Added" };
});
