import { z } from "zod";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { requireRole } from "@/lib/management/names";
import { pagedResponse, requestedPage } from "@/lib/management/paging";
import { STREAM_BATCH, streamedList } from "@/lib/management/stream-list";
import { deleteRole } from "@/lib/roles/delete-role";
import { getRole } from "@/lib/roles/get-role";
import { countRoleMembers, listRoleMembers } from "@/lib/roles/list-role-members";
import { assertRoleAction } from "@/lib/roles/role-rules";
import { ZRoleQuery, ZUserQuery } from "@/lib/contracts/management";

type Params = { role: string };

/**
 * MI: GET /roles/{role}: the role's users (Internal/everyone's members are not listed, as in
 * WSO2). Every member, streamed, unless `limit`/`cursor` ask for a page.
 */
export const GET = defineRoute<Params, z.ZodUndefined, typeof ZRoleQuery>(
  { ...MGMT_ROUTE, feature: "roles.list", query: ZRoleQuery },
  async ({ params, query, request }, { principal }) => {
    const ref = await requireRole(db(), principal.tenantId, params.role, query.domain);
    const role = await getRole(db(), principal.tenantId, ref.id);
    assertRoleAction(principal, role, "viewUsers");
    const members = (size: number, after?: string) => listRoleMembers(db(), principal.tenantId, role, { size, after });
    const paged = requestedPage(query);
    if (paged) return pagedResponse(request, await members(paged.size, paged.after), (u) => u.qualified, { role: ref.qualified }, "users");
    const count = await countRoleMembers(db(), principal.tenantId, role, {});
    return streamedList({
      head: { role: ref.qualified },
      count,
      listKey: "users",
      page: (after) => members(STREAM_BATCH, after),
      item: (u) => u.qualified,
    });
  },
);

/** MI: DELETE /roles/{role}. The admin role, Internal/everyone and read-only roles cannot be deleted. */
export const DELETE = defineRoute<Params, z.ZodUndefined, typeof ZUserQuery>(
  { ...MGMT_ROUTE, feature: "roles.delete", query: ZUserQuery },
  async ({ params, query }, actor) => {
    const ref = await requireRole(db(), actor.principal.tenantId, params.role, query.domain);
    const deleted = await deleteRole(db(), actor, { id: ref.id, version: ref.version });
    return { role: deleted.qualified, status: "Deleted" };
  },
);
