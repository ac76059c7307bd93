import { z } from "zod";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { ZDomain } from "@/lib/management/input";
import { requireRole } from "@/lib/management/names";
import { pagedResponse, requestedPage, ZPaging } from "@/lib/management/paging";
import { STREAM_BATCH, streamedList } from "@/lib/management/stream-list";
import { deleteRole } from "@/lib/roles/delete-role";
import { getRole } from "@/lib/roles/get-role";
import { countRoleMembers, listRoleMembers } from "@/lib/roles/list-role-members";
import { assertRoleAction } from "@/lib/roles/role-rules";

type Params = { role: string };
// Unknown parameters are ignored, as the MI ignores them (z.object strips them).
const ZQuery = z.object({ domain: ZDomain, ...ZPaging });

/**
 * MI: GET /roles/{role}: the role's users (Internal/everyone's members are not listed, as in
 * WSO2). Every member, streamed, unless `limit`/`cursor` ask for a page.
 */
export const GET = defineRoute<Params, z.ZodUndefined, typeof ZQuery>(
  { ...MGMT_ROUTE, feature: "roles.list", query: ZQuery },
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

const ZDeleteQuery = z.object({ domain: ZDomain });

/** MI: DELETE /roles/{role}. The admin role, Internal/everyone and read-only roles cannot be deleted. */
export const DELETE = defineRoute<Params, z.ZodUndefined, typeof ZDeleteQuery>(
  { ...MGMT_ROUTE, feature: "roles.delete", query: ZDeleteQuery },
  async ({ params, query }, actor) => {
    const ref = await requireRole(db(), actor.principal.tenantId, params.role, query.domain);
    const deleted = await deleteRole(db(), actor, { id: ref.id, version: ref.version });
    return { role: deleted.qualified, status: "Deleted" };
  },
);
