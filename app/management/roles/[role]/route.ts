import { z } from "zod";
import { defineRoute } from "@/lib/authz/route";
import { db } from "@/lib/db/client";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { requireRole } from "@/lib/management/names";
import { pagedResponse, ZPaging } from "@/lib/management/paging";
import { deleteRole } from "@/lib/roles/delete-role";
import { getRole } from "@/lib/roles/get-role";
import { listRoleMembers } from "@/lib/roles/list-role-members";
import { assertRoleAction } from "@/lib/roles/role-rules";

type Params = { role: string };
const ZQuery = z.strictObject({ domain: z.string().max(64).optional(), ...ZPaging });

/** MI: GET /roles/{role}: the role's users, paged like every list (Internal/everyone's members are not listed, as in WSO2). */
export const GET = defineRoute<Params, z.ZodUndefined, typeof ZQuery>({ ...MGMT_ROUTE, feature: "roles.list", query: ZQuery }, async ({ params, query, request }, { principal }) => {
  const ref = await requireRole(db(), principal.tenantId, params.role, query.domain);
  const role = await getRole(db(), principal.tenantId, ref.id);
  assertRoleAction(principal, role, "viewUsers");
  const page = await listRoleMembers(db(), principal.tenantId, role, { size: query.limit, after: query.cursor });
  return pagedResponse(request, page, (u) => u.qualified, { role: ref.qualified }, "users");
});

const ZDeleteQuery = z.strictObject({ domain: z.string().max(64).optional() });

/** MI: DELETE /roles/{role}. The admin role, Internal/everyone and read-only roles cannot be deleted. */
export const DELETE = defineRoute<Params, z.ZodUndefined, typeof ZDeleteQuery>({ ...MGMT_ROUTE, feature: "roles.delete", query: ZDeleteQuery }, async ({ params, query }, actor) => {
  const ref = await requireRole(db(), actor.principal.tenantId, params.role, query.domain);
  const deleted = await deleteRole(db(), actor, { id: ref.id, version: ref.version });
  return { role: deleted.qualified, status: "Deleted" };
});
