import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { AppError } from "../errors.ts";
import type { KeysetPage } from "../keyset.ts";
import { findRolesByName } from "../roles/find-role.ts";
import { getRole } from "../roles/get-role.ts";
import { countRoleMembers, listRoleMembers } from "../roles/list-role-members.ts";
import { countRoles, listRoles } from "../roles/list-roles.ts";
import { assertRoleRule, roleRuleBlocker } from "../authz/role-rules.ts";
import { findStore } from "../stores/list-stores.ts";
import { getUser } from "../users/get-user.ts";
import { setUserRoles } from "../users/set-user-roles.ts";
import { findUserId } from "./names.ts";
import { pagedResponse } from "./paging.ts";
import { STREAM_BATCH, streamedList } from "./stream-list.ts";

// The MI's role operations whose shape is the MI's own: whole lists streamed with their count,
// and PUT /roles, which names a user and roles instead of ids and carries no version.

/** One page when the caller asked for one (`limit`/`cursor`), else the whole list: its count, then batches. */
type MiList<T> = { page: KeysetPage<T> } | { count: number; batch: (after: string | undefined) => Promise<KeysetPage<T>> };
const ZMiPage = z.object({ size: z.number().int(), after: z.string().optional() }).nullable();

/** The MI's answer for a list: the page with its next link, or every row streamed (stream-list.ts). */
export function miListResponse<T>(
  request: Request,
  list: MiList<T>,
  item: (row: T) => unknown,
  options: { head?: Record<string, unknown>; listKey?: string } = {},
): Response {
  const listKey = options.listKey ?? "list";
  if ("page" in list) return pagedResponse(request, list.page, item, options.head, listKey);
  return streamedList({ head: options.head, count: list.count, listKey, page: list.batch, item });
}

/** GET /roles: roles by WSO2 pattern, or by Gatehouse's `search` (the console's), optionally in one store. */
export const miRolesQuery = defineCommand({
  feature: "roles.list",
  input: z.object({ pattern: z.string(), search: z.string().optional(), domain: z.string().optional(), page: ZMiPage }),
  rule: "None: every role of the tenant but Internal/system is listed.",
  run: async (client, principal, input) => {
    const tenantId = principal.tenantId;
    const storeId = input.domain ? (await findStore(client, tenantId, input.domain)).id : undefined;
    const roles = (size: number, after?: string) =>
      listRoles(client, tenantId, { pattern: input.pattern, search: input.search, storeId, dir: "asc", size, after });
    if (input.page) return { page: await roles(input.page.size, input.page.after) };
    const count = await countRoles(client, tenantId, { pattern: input.pattern, search: input.search, storeId });
    return { count, batch: (after: string | undefined) => roles(STREAM_BATCH, after) };
  },
});

/** GET /roles/{role}: a role's members. */
export const miRoleMembersQuery = defineCommand({
  feature: "roles.list",
  input: z.object({ id: z.number().int(), page: ZMiPage }),
  rule: "Internal/everyone and Internal/system have no member list.",
  run: async (client, principal, input) => {
    const role = await getRole(client, principal.tenantId, input.id);
    assertRoleRule(principal, role, "viewUsers");
    const members = (size: number, after?: string) => listRoleMembers(client, principal.tenantId, role, { size, after });
    const list: MiList<{ qualified: string }> = input.page
      ? { page: await members(input.page.size, input.page.after) }
      : { count: await countRoleMembers(client, principal.tenantId, role, {}), batch: (after) => members(STREAM_BATCH, after) };
    return { role: role.qualified, list };
  },
});

/**
 * PUT /roles: adds and removes roles of one user, all named. No version: the body names what
 * to add and remove, so it applies to the roles as they are when it runs, and parallel edits of
 * one user (apictl in a loop) all apply.
 */
export const assignRolesByNameCommand = defineCommand({
  feature: "users.update",
  input: z.object({
    userId: z.string(),
    domain: z.string().optional(),
    addedRoles: z.array(z.string()),
    removedRoles: z.array(z.string()),
  }),
  rule: "As for a user's roles: the actor holds every permission of each role it adds or removes; Internal/everyone is never named.",
  run: async (client, actor, input) => {
    const tenantId = actor.tenantId;
    const user = await getUser(client, tenantId, await findUserId(client, tenantId, input.userId, input.domain));
    const named = [...input.addedRoles, ...input.removedRoles];
    const found = await findRolesByName(client, tenantId, named);
    const missing = named.filter((n) => !found.has(n));
    if (missing.length > 0) throw new AppError("NOT_FOUND", `No such role: ${missing.join(", ")}.`);
    // setUserRoles skips removals of roles the user does not hold, and nobody holds
    // Internal/everyone as a row; naming it must still be refused, not silently ignored.
    for (const role of found.values()) {
      const blocker =
        role.kind === "everyone" || role.kind === "system" ? roleRuleBlocker(actor, { ...role, grants: [] }, "assignUsers") : null;
      if (blocker) throw new AppError("FORBIDDEN", blocker);
    }
    const ids = (names: string[]) => names.map((n) => found.get(n)!.id);
    const result = await setUserRoles(client, actor, { id: user.id, add: ids(input.addedRoles), remove: ids(input.removedRoles) });
    return { userId: user.qualified, ...result };
  },
});
