import { z } from "zod";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { isRowId } from "@/lib/db/row-id";
import { AppError } from "@/lib/errors";
import { getRole } from "@/lib/roles/get-role";
import { listRoleMembers } from "@/lib/roles/list-role-members";
import { roleActionBlocker } from "@/lib/roles/role-rules";
import { pickerPattern } from "@/lib/users/list-params";
import { ZMemberPickerQuery } from "@/lib/contracts/authz";

/** A role's members by name, paged by cursor. Internal/everyone has no list: it is everyone. */
export const GET = defineRoute<{ id: string }, z.ZodUndefined, typeof ZMemberPickerQuery>(
  { feature: "roles.list", query: ZMemberPickerQuery },
  async ({ query, params }, { principal }) => {
    const id = Number(params.id);
    if (!isRowId(id)) throw new AppError("NOT_FOUND", "That role does not exist.");
    const role = await getRole(db(), principal.tenantId, id);
    const blocker = roleActionBlocker(principal, role, "viewUsers");
    if (blocker) throw new AppError("FORBIDDEN", blocker);
    const page = await listRoleMembers(db(), principal.tenantId, role, {
      pattern: pickerPattern(query.q),
      size: query.size,
      after: query.after,
    });
    return { count: page.rows.length, list: page.rows, next: page.next };
  },
);
