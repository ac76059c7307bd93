import { MGMT_ROUTE } from "@/lib/management/errors";
import { searchPattern } from "@/lib/management/names";
import { requestedPage } from "@/lib/management/paging";
import { assignRolesByNameCommand, miListResponse, miRolesQuery } from "@/lib/management/role-commands";
import { createRoleCommand } from "@/lib/roles/commands";
import { splitQualifiedName, withDomain } from "@/lib/core/domains";
import { commandRoute } from "@/lib/transport/command-route";
import { ZAssignQuery, ZNewRole, ZRoleAssignment, ZRoleListQuery } from "@/lib/contracts/management";

/**
 * MI: GET /roles, optionally by searchKey (a substring, or a WSO2 `*` pattern), or Gatehouse's `search` (the console's).
 * Whole and streamed unless `limit`/`cursor` ask for a page.
 */
export const GET = commandRoute(miRolesQuery, {
  ...MGMT_ROUTE,
  query: ZRoleListQuery,
  input: ({ query }) => ({
    pattern: searchPattern(undefined, query.searchKey),
    search: query.search,
    domain: query.domain,
    page: requestedPage(query),
  }),
  reply: (list, _input, { request }) => miListResponse(request, list, (r) => ({ role: r.qualified })),
});

/** MI: POST /roles. The role starts with no permissions and no members. */
export const POST = commandRoute(createRoleCommand, {
  ...MGMT_ROUTE,
  body: ZNewRole,
  input: ({ body }) => ({ ...splitQualifiedName(withDomain(body.role, body.domain)), permissions: [], userIds: [] }),
  reply: ({ qualified }) => ({ role: qualified, status: "Added" }),
});

/**
 * MI: PUT /roles adds and removes roles of one user. Needs users.update; each role must be one
 * the caller may hand out (admin only by its holders, never Internal/everyone). apictl reads
 * the answer as a map of strings, so it is {userId, status}; `?detail=true` adds the roles
 * that were actually added and removed.
 */
export const PUT = commandRoute(assignRolesByNameCommand, {
  ...MGMT_ROUTE,
  body: ZRoleAssignment,
  query: ZAssignQuery,
  input: ({ body }) => body,
  reply: ({ userId, added, removed }, _input, { query }) => {
    const answer = { userId, status: "Updated" };
    return query.detail === "true" ? { ...answer, addedRoles: added, removedRoles: removed } : answer;
  },
});
