import "server-only";
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import type { FeatureKey } from "../authz/features.ts";
import type { Principal } from "../authz/principal.ts";
import { getConfig } from "../config/current.ts";
import { PRIMARY, qualifiedName } from "../core/domains.ts";
import { findUserByName } from "../user-stores/find-user.ts";
import type { Db } from "../db/client.ts";
import { wholeView } from "../db/estimate-count.ts";
import { ZFormId } from "../db/row-id.ts";
import { AppError } from "../errors.ts";
import { listStores } from "../stores/list-stores.ts";
import { checkNewRoleName, ZNewRoleName } from "./create-role.ts";
import { getRole } from "./get-role.ts";
import { ZRoleListParams } from "./list-params.ts";
import { estimateRoleMembers, listRoleMembers } from "./list-role-members.ts";
import { estimateRoles, listRoles } from "./list-roles.ts";
import { allowedRoleActions, assertRoleRule, roleRuleBlocker, type RoleAction } from "../authz/role-rules.ts";

// The reads of roles, one command per page or list (app/ pages call them through loadPage,
// REST handlers through commandRoute).

/** A search param the page tolerates in any shape: a malformed one is ignored, never a 404. */
const anyText = z.string().optional().catch(undefined);

/** The Roles page: the stores to filter by, and one keyset page of roles with what the actor may do to each. */
export const rolesPageQuery = defineCommand({
  feature: "roles.list",
  input: ZRoleListParams,
  rule: "Each row carries the actions the role rules allow the actor on it.",
  run: async (client, principal, params) => {
    const stores = (await listStores(client, principal.tenantId)).map((s) => ({ id: s.id, domain: s.domain, readOnly: s.readOnly }));
    const store = params.domain ? stores.find((s) => s.domain.toUpperCase() === params.domain!.toUpperCase()) : undefined;
    const page =
      params.domain && !store
        ? { rows: [], next: null, prev: null }
        : await listRoles(client, principal.tenantId, {
            search: params.q ?? "",
            storeId: store?.id,
            dir: params.dir,
            size: params.size,
            after: params.after,
            before: params.before,
          });
    const rows = page.rows.map((r) => ({ ...r, permissionCount: r.grants.length, actions: allowedRoleActions(principal, r) }));
    const total = wholeView(page) ?? (await estimateRoles(client, principal.tenantId, { search: params.q ?? "", storeId: store?.id }));
    return { params, stores, rows, next: page.next, prev: page.prev, total };
  },
});

/** Add New Role: the writable stores a role can be created in. */
export const newRolePageQuery = defineCommand({
  feature: "roles.create",
  input: z.object({}),
  rule: "The wizard offers only writable stores and, in its tree, only the permissions the actor holds.",
  run: async (client, principal) => ({
    domains: (await listStores(client, principal.tenantId)).filter((s) => !s.readOnly).map((s) => s.domain),
  }),
});

/** The wizard's Next on its first step: the name as Finish would judge it (store rules, look-alikes), without writing. */
export const checkRoleNameQuery = defineCommand({
  feature: "roles.create",
  input: ZNewRoleName,
  rule: "The same checks as Finish: a writable store of Gatehouse's own, the store's name rules, no existing look-alike.",
  run: async (client, principal, input) => ({ qualified: (await checkNewRoleName(client, principal, input)).qualified }),
});

/**
 * A role, the actions the actor may take on it (for its header's tabs) and why `action` is
 * refused, or null. The command's own feature was decided by its adapter, so each feature is
 * decided at most once here and the page's never again.
 */
async function roleWithActions(client: Db, principal: Principal, id: number, feature: FeatureKey, action: RoleAction) {
  const role = await getRole(client, principal.tenantId, id);
  const actions = allowedRoleActions(principal, role, new Set([feature]));
  return { role, actions, blocker: actions.includes(action) ? null : roleRuleBlocker(principal, role, action) };
}

/** View Users: the role, its permissions, and one page of its members, or why it has no member list (Internal/everyone). */
export const rolePageQuery = defineCommand({
  feature: "roles.list",
  input: z.object({
    id: ZFormId,
    q: anyText.transform((q) => (q ?? "").slice(0, 256)),
    after: anyText,
    before: anyText,
    /** The first row's position, carried by the pager's links only to show the range. */
    start: z.coerce.number().int().min(1).max(1_000_000_000).optional().catch(undefined),
  }),
  rule: "Internal/everyone and Internal/system have no member list: the page says why instead.",
  run: async (client, principal, input) => {
    const { role, actions, blocker } = await roleWithActions(client, principal, input.id, "roles.list", "viewUsers");
    const members = blocker
      ? null
      : await listRoleMembers(client, principal.tenantId, role, {
          search: input.q,
          size: 25,
          after: input.after,
          before: input.before,
        });
    const total = members && (wholeView(members) ?? (await estimateRoleMembers(client, principal.tenantId, role, input.q)));
    return { role, actions, blocker, q: input.q, start: input.start, members, total: total ?? undefined };
  },
});

/** A role's edit page (rename, permissions, members): the role and its actions, or FORBIDDEN (the 403 page) with the rule's reason. */
async function editableRole(client: Db, principal: Principal, id: number, action: RoleAction) {
  const { role, actions, blocker } = await roleWithActions(client, principal, id, "roles.update", action);
  if (blocker) throw new AppError("FORBIDDEN", blocker);
  return { role, actions };
}

const ZRolePage = z.object({ id: ZFormId });
const EDIT_RULE = "The role rules allow the actor this action on the role (role-rules.ts), else the page is refused.";

export const roleRenamePageQuery = defineCommand({
  feature: "roles.update",
  input: ZRolePage,
  rule: EDIT_RULE,
  run: (client, principal, { id }) => editableRole(client, principal, id, "rename"),
});

export const rolePermissionsPageQuery = defineCommand({
  feature: "roles.update",
  input: ZRolePage,
  rule: EDIT_RULE,
  run: (client, principal, { id }) => editableRole(client, principal, id, "permissions"),
});

/** Assign Users: also the members the editor may not remove (the admin account, from the admin role). */
export const roleMembersPageQuery = defineCommand({
  feature: "roles.update",
  input: ZRolePage,
  rule: `${EDIT_RULE} The admin account never leaves the admin role.`,
  run: async (client, principal, { id }) => {
    const page = await editableRole(client, principal, id, "assignUsers");
    const superAdmin =
      page.role.kind === "admin"
        ? await findUserByName(client, principal.tenantId, qualifiedName(PRIMARY, getConfig().super_admin.username))
        : null;
    return { ...page, protectedIds: superAdmin ? [superAdmin.id] : [] };
  },
});

/** The role picker's list (a user's roles, bulk assign): each role says whether the actor may assign it, and if not, why. */
export const rolePickerQuery = defineCommand({
  feature: "roles.list",
  input: z.object({ search: z.string(), size: z.number().int(), after: z.string().optional() }),
  rule: "Each role carries whether the role rules let the actor assign it.",
  run: async (client, principal, input) => {
    const page = await listRoles(client, principal.tenantId, { ...input, dir: "asc" });
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
  },
});

/** Assign Users' member list: a role's members by name, one keyset page. */
export const roleMembersQuery = defineCommand({
  feature: "roles.list",
  input: z.object({ id: ZFormId, search: z.string(), size: z.number().int(), after: z.string().optional() }),
  rule: "Internal/everyone and Internal/system have no member list.",
  run: async (client, principal, { id, ...params }) => {
    const role = await getRole(client, principal.tenantId, id);
    assertRoleRule(principal, role, "viewUsers");
    const page = await listRoleMembers(client, principal.tenantId, role, params);
    return { count: page.rows.length, list: page.rows, next: page.next };
  },
});
