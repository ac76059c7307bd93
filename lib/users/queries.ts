import "server-only";
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { ZUserPickerQuery } from "../contracts/authz.ts";
import type { FeatureKey } from "../authz/features.ts";
import { getConfig } from "../config/current.ts";
import { isSuperAdminAccount } from "../config/super-admin.ts";
import { wholeView } from "../db/estimate-count.ts";
import { ZFormId } from "../db/row-id.ts";
import { AppError } from "../errors.ts";
import { isPermissionPath } from "../permissions/catalog.ts";
import { roleRuleBlocker } from "../authz/role-rules.ts";
import { countsFor } from "../authz/protected-grants.ts";
import { holdsUsers, listStores } from "../stores/list-stores.ts";
import { effectivePermissions, explainPermission } from "./effective-permissions.ts";
import { getUser } from "./get-user.ts";
import { ZUserListParams } from "./list-params.ts";
import { exportUsers, ZUserExportInput } from "./export-users.ts";
import { estimateUsers, listUsers, pickerRow, userListFilter, withoutGrants } from "./list-users.ts";
import { allowedUserActions, userActionBlocker, type UserAction } from "../authz/user-rules.ts";
import { userSummary, userTabs } from "./user-tabs.ts";
import { claimLabels, profileClaimRules } from "../claims/profile-claims.ts";

// The console's reads of users, one command per page (app/ pages call them through loadPage).

/** The Users page: the user stores to filter by, and one keyset page of users with what the actor may do to each. */
export const usersPageQuery = defineCommand({
  feature: "users.list",
  input: ZUserListParams,
  rule: "Each row carries the actions the user rules allow the actor on it.",
  run: async (client, principal, params) => {
    const { stores, filter } = await userListFilter(client, principal.tenantId, params);
    const page =
      filter === null
        ? { rows: [], next: null, prev: null }
        : await listUsers(
            client,
            principal.tenantId,
            { ...filter, sort: params.sort, dir: params.dir, size: params.size, after: params.after, before: params.before },
            stores,
          );
    // A domain no store has matches nobody: the empty page is the whole view.
    const total = wholeView(page) ?? (await estimateUsers(client, principal.tenantId, filter!, stores));
    const rows = page.rows.map((u) => ({
      ...withoutGrants(u),
      self: u.id === principal.userId,
      actions: allowedUserActions(principal, u),
    }));
    const claims = await claimLabels(client, principal.tenantId);
    return { params, domains: stores.map((s) => s.domain), claims, rows, next: page.next, prev: page.prev, total };
  },
});

const ZUserRef = z.object({ id: ZFormId });
const optionalText = z.string().max(512).optional().catch(undefined);

/** Add New User: the user stores a user can be added to. */
export const newUserPageQuery = defineCommand({
  feature: "users.create",
  input: z.object({}),
  rule: "None: it lists the tenant's writable user stores.",
  run: async (client, principal) => ({
    domains: (await listStores(client, principal.tenantId)).filter((s) => holdsUsers(s) && !s.readOnly).map((s) => s.domain),
  }),
});

/** Details: the account's state, last sign-in, claims, and the account controls the actor may use. */
export const userPageQuery = defineCommand({
  feature: "users.list",
  input: ZUserRef.extend({ created: optionalText }),
  rule: "None beyond the feature to look; each control is offered only where the user rules allow it.",
  run: async (client, principal, input) => {
    const user = await getUser(client, principal.tenantId, input.id, "read");
    const actions = allowedUserActions(principal, user);
    // Labels only for the claims the user holds: a user without any costs no statement.
    const uris = Object.keys(user.claims);
    const labels = new Map(uris.length ? (await claimLabels(client, principal.tenantId, uris)).map((c) => [c.uri, c.label]) : []);
    const claims = Object.entries(user.claims).map(([uri, value]) => ({ uri, label: labels.get(uri) ?? uri, value }));
    return { user, claims, summary: userSummary(user), tabs: userTabs(principal), actions, created: Boolean(input.created) };
  },
});

/** Permissions: the effective permissions, and the answer to "can this user do…?" when asked. */
export const userPermissionsPageQuery = defineCommand({
  feature: "users.list",
  input: ZUserRef.extend({ check: optionalText }),
  rule: "None beyond the feature: anyone who lists users sees a user's roles and permissions.",
  run: async (client, principal, input) => {
    const user = await getUser(client, principal.tenantId, input.id);
    return {
      user: userSummary(user),
      tabs: userTabs(principal),
      check: input.check,
      // The user is in the actor's tenant, so the actor's tenant decides which nodes exist for them.
      answer:
        input.check && isPermissionPath(input.check) && countsFor(principal, input.check)
          ? explainPermission(user.qualified, user.roles, input.check)
          : null,
      effective: effectivePermissions(user.roles, principal.superTenant),
    };
  },
});

/** A user's action page (password, profile): the user, and the rule check for that action itself. */
function userActionPage(feature: FeatureKey, action: UserAction) {
  return defineCommand({
    feature,
    input: ZUserRef,
    rule: `The user rules allow the actor the ${action} action on this user (else 403).`,
    run: async (client, principal, input) => {
      const user = await getUser(client, principal.tenantId, input.id);
      const blocker = userActionBlocker(principal, user, action);
      if (blocker) throw new AppError("FORBIDDEN", blocker);
      return { user, summary: userSummary(user), tabs: userTabs(principal), actions: allowedUserActions(principal, user) };
    },
  });
}

export const userPasswordPageQuery = userActionPage("users.password", "password");
const profileActionPage = userActionPage("users.profile", "profile");

/** User Profile: the user, and the tenant's claims the editor shows, in display order. */
export const userProfilePageQuery = defineCommand({
  ...profileActionPage,
  run: async (client, principal, input) => ({
    ...(await profileActionPage.run(client, principal, input)),
    claims: await profileClaimRules(client, principal.tenantId),
  }),
});

/**
 * Roles: the user's roles for anyone who lists users; with the roles action, the editor's rows,
 * each with why the actor may not remove it (or null).
 */
export const userRolesPageQuery = defineCommand({
  feature: "users.list",
  input: ZUserRef,
  rule: "Anyone who lists users sees the roles; the editor only where the user rules allow the roles action.",
  run: async (client, actor, input) => {
    const user = await getUser(client, actor.tenantId, input.id);
    const editable = userActionBlocker(actor, user, "roles") === null;
    const roles = user.roles.map((r) => ({
      id: r.id,
      qualified: r.qualified,
      blocker:
        r.kind === "admin" && isSuperAdminAccount(user)
          ? "the admin account keeps the admin role"
          : roleRuleBlocker(actor, r, "assignUsers"),
    }));
    return { user, summary: userSummary(user), tabs: userTabs(actor), editable, roles };
  },
});

/** The user pickers' search (GET /api/v1/users): as the Users page searches (name-search.ts); keyset pages. */
export const userPickerQuery = defineCommand({
  feature: "users.list",
  input: ZUserPickerQuery,
  rule: "None beyond the feature: the tenant's users by name.",
  run: async (client, principal, query) => {
    const stores = await listStores(client, principal.tenantId);
    const store = query.domain ? stores.find((s) => s.domain.toUpperCase() === query.domain!.toUpperCase()) : undefined;
    if (query.domain && !store) return { count: 0, list: [], next: null };
    const page = await listUsers(
      client,
      principal.tenantId,
      {
        search: query.q ?? "",
        storeId: store?.id,
        sort: "username",
        dir: "asc",
        size: query.size,
        after: query.after,
      },
      stores,
    );
    const list = page.rows.map(pickerRow);
    return { count: list.length, list, next: page.next };
  },
});

/** The password policy (GET /management/password-policy), so the CLI checks a new password as soon as it is typed. */
export const passwordPolicyQuery = defineCommand({
  feature: "self",
  input: z.object({}),
  rule: "None: the policy is the same for everyone and tells nothing about any account.",
  run: async () => {
    const { min_length, max_length } = getConfig().password_policy;
    return { minLength: min_length, maxLength: max_length };
  },
});

/** Change password (one's own): whether the change is forced, and the policy's minimum length. */
export const ownPasswordPageQuery = defineCommand({
  feature: "self",
  input: z.object({}),
  rule: "Only one's own account.",
  run: async (_client, principal) => ({ forced: principal.mustChangePassword, minLength: getConfig().password_policy.min_length }),
});

/**
 * Export users: the Users page's view (its filters and order) with every user's roles and
 * claims, as a CSV or JSON-lines file streamed in keyset batches (export-users.ts). Gated by
 * users.list, as the page is: the file holds what the list and the user pages already show
 * to the actor (names, roles, claims), never a password hash. Recorded as user.exported.
 */
export const usersExportQuery = defineCommand({
  feature: "users.list",
  input: ZUserExportInput,
  rule: "None beyond the feature: the tenant's users as the list filters them, as the Users page shows them.",
  run: (client, actor, input) => exportUsers(client, actor, input),
});
