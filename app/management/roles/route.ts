import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MGMT_ROUTE } from "@/lib/management/errors";
import { findUserId, searchPattern } from "@/lib/management/names";
import { pagedResponse, requestedPage } from "@/lib/management/paging";
import { STREAM_BATCH, streamedList } from "@/lib/management/stream-list";
import { createRole } from "@/lib/roles/create-role";
import { findRolesByName } from "@/lib/roles/find-role";
import { countRoles, listRoles } from "@/lib/roles/list-roles";
import { roleRuleBlocker } from "@/lib/roles/role-rules";
import { splitQualifiedName, withDomain } from "@/lib/core/domains";
import { findStore } from "@/lib/stores/list-stores";
import { getUser } from "@/lib/users/get-user";
import { setUserRoles } from "@/lib/users/set-user-roles";
import { ZAssignQuery, ZNewRole, ZRoleAssignment, ZRoleListQuery } from "@/lib/contracts/management";

/** MI: GET /roles, optionally by searchKey (a substring, or a WSO2 `*` pattern). Whole and streamed unless `limit`/`cursor` ask for a page. */
export const GET = defineRoute(
  { ...MGMT_ROUTE, feature: "roles.list", query: ZRoleListQuery },
  async ({ query, request }, { principal }) => {
    const storeId = query.domain ? (await findStore(db(), principal.tenantId, query.domain)).id : undefined;
    const pattern = searchPattern(undefined, query.searchKey);
    const roles = (size: number, after?: string) => listRoles(db(), principal.tenantId, { pattern, storeId, dir: "asc", size, after });
    const item = (r: { qualified: string }) => ({ role: r.qualified });
    const paged = requestedPage(query);
    if (paged) return pagedResponse(request, await roles(paged.size, paged.after), item);
    const count = await countRoles(db(), principal.tenantId, { pattern, storeId });
    return streamedList({ count, listKey: "list", page: (after) => roles(STREAM_BATCH, after), item });
  },
);

/** MI: POST /roles. The role starts with no permissions and no members. */
export const POST = defineRoute({ ...MGMT_ROUTE, feature: "roles.create", body: ZNewRole }, async ({ body }, actor) => {
  const { domain, name } = splitQualifiedName(withDomain(body.role, body.domain));
  const created = await createRole(db(), actor, { domain, name, permissions: [], userIds: [] });
  return { role: created.qualified, status: "Added" };
});

/**
 * MI: PUT /roles adds and removes roles of one user. Needs users.update; each role must be one
 * the caller may hand out (admin only by its holders, never Internal/everyone). apictl reads
 * the answer as a map of strings, so it is {userId, status}; `?detail=true` adds the roles
 * that were actually added and removed.
 */
export const PUT = defineRoute(
  { ...MGMT_ROUTE, feature: "users.update", body: ZRoleAssignment, query: ZAssignQuery },
  async ({ body, query }, actor) => {
    const tenantId = actor.principal.tenantId;
    const user = await getUser(db(), tenantId, await findUserId(db(), tenantId, body.userId, body.domain));
    const found = await findRolesByName(db(), tenantId, [...body.addedRoles, ...body.removedRoles]);
    const missing = [...body.addedRoles, ...body.removedRoles].filter((n) => !found.has(n));
    if (missing.length > 0) throw new AppError("NOT_FOUND", `No such role: ${missing.join(", ")}.`);
    // setUserRoles skips removals of roles the user does not hold, and nobody holds
    // Internal/everyone as a row; naming it must still be refused, not silently ignored.
    for (const role of found.values()) {
      const blocker =
        role.kind === "everyone" || role.kind === "system"
          ? roleRuleBlocker(actor.principal, { ...role, grants: [] }, "assignUsers")
          : null;
      if (blocker) throw new AppError("FORBIDDEN", blocker);
    }
    const ids = (names: string[]) => names.map((n) => found.get(n)!.id);
    // No version: the body names what to add and remove, so it applies to the roles as they are
    // when it runs, and parallel edits of one user (apictl in a loop) all apply.
    const result = await setUserRoles(db(), actor, { id: user.id, add: ids(body.addedRoles), remove: ids(body.removedRoles) });
    const answer = { userId: user.qualified, status: "Updated" };
    return query.detail === "true" ? { ...answer, addedRoles: result.added, removedRoles: result.removed } : answer;
  },
);
