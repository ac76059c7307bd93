import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { listRoles } from "@/lib/roles/list-roles";
import { roleRuleBlocker } from "@/lib/roles/role-rules";
import { pickerPattern } from "@/lib/users/list-params";
import { ZRolePickerQuery } from "@/lib/contracts/authz";

/** Roles by name, paged by cursor, each saying whether the caller may assign it and if not, why. */
export const GET = defineRoute({ feature: "roles.list", query: ZRolePickerQuery }, async ({ query }, { principal }) => {
  const page = await listRoles(db(), principal.tenantId, {
    pattern: pickerPattern(query.q),
    dir: "asc",
    size: query.size,
    after: query.after,
  });
  const list = page.rows.map((r) => {
    const blocker = roleRuleBlocker(principal, r, "assignUsers");
    return {
      id: r.id,
      role: r.qualified,
      domain: r.domain,
      members: r.memberCount,
      permissions: r.grants,
      assignable: blocker === null,
      ...(blocker ? { reason: blocker } : {}),
    };
  });
  return { count: list.length, list, next: page.next };
});
