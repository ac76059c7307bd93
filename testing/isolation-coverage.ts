/**
 * Which isolation test covers each route handler, page and server action of app/ (issue #15), or
 * why none needs to. app/isolation-inventory.test.ts fails on anything in app/ missing here, so a
 * new route cannot slip past the matrix; each matrix test checks that it covers exactly its keys.
 * Keys: "METHOD app/…/route.ts", "app/…/page.tsx", "app/…/actions.ts#exportName".
 */
const API = "app/tenant-isolation-api.test.ts";
const SCIM = "app/tenant-isolation-scim.test.ts";
const MGMT = "app/tenant-isolation-management.test.ts";
const E2E = "e2e/tenant-isolation.spec.ts";
/** Server actions are thin commandActions; their commands are driven with B's ids by this test. */
const COMMANDS = "lib/tenants/tenant-isolation.test.ts";
const TENANT_COMMANDS = "lib/tenants/tenant-commands.test.ts";
/** Claim Management's queries and commands, driven with B's claim id (and its URI) by their own test. */
export const CLAIMS = "lib/claims/claim-commands.test.ts";
/** Bulk import's queries and commands, driven with B's job id by their own test. */
export const IMPORT = "lib/user-import/user-import.test.ts";

const route = (file: string, ...methods: string[]) => methods.map((m) => `${m} app/${file}/route.ts`);
const pages = (...files: string[]) => files.map((f) => `app/(console)/${f}/page.tsx`);
const actions = (file: string, ...names: string[]) => names.map((n) => `app/(console)/${file}/actions.ts#${n}`);

export const COVERED: Record<string, string> = Object.fromEntries([
  ...[
    ...route("api/v1/users", "GET"),
    ...route("api/v1/roles", "GET"),
    ...route("api/v1/roles/[id]/members", "GET"),
    ...route("api/v1/users/[id]/disable", "POST"),
    ...route("api/v1/users/[id]/enable", "POST"),
    ...route("api/v1/users/[id]/unlock", "POST"),
    ...route("api/v1/users/bulk-assign-role", "POST"),
    ...route("api/v1/users/bulk-delete", "POST"),
    ...route("api/v1/authz/check", "POST"),
    ...route("api/v1/authz/check/batch", "POST"),
    ...route("api/am/admin/v4/roles/[roleId]", "HEAD"),
    ...route("api/am/admin/v4/system-scopes/[scopeName]", "GET"),
    ...route("api/am/admin/v4/system-scopes", "GET", "PUT"),
    ...route("api/am/admin/v4/system-scopes/role-aliases", "GET", "PUT"),
    ...route("api/am/admin/v4/tenant-config", "GET", "PUT"),
    ...route("api/server/v1/tenants", "GET", "POST"),
    ...route("api/server/v1/tenants/[tenantId]", "GET", "DELETE"),
    ...route("api/server/v1/tenants/[tenantId]/owners", "GET"),
    ...route("api/server/v1/tenants/[tenantId]/owners/[ownerId]", "PUT"),
    ...route("api/server/v1/tenants/[tenantId]/lifecycle-status", "PUT"),
    ...route("api/server/v1/tenants/[tenantId]/metadata", "DELETE"),
    ...route("(console)/audit/export", "GET"),
    ...route("(console)/users/export", "GET"),
    ...route("(console)/settings/role-permissions/tenant-conf/export", "GET"),
  ].map((k) => [k, API]),
  ...[
    ...route("scim2/Users", "GET", "POST"),
    ...route("scim2/Users/[id]", "GET", "POST", "PUT", "PATCH", "DELETE"),
    ...route("scim2/Groups", "GET", "POST"),
    ...route("scim2/Groups/[id]", "GET", "POST", "PUT", "PATCH", "DELETE"),
    ...route("scim2/Me", "GET"),
    ...route("scim2/Bulk", "POST"),
  ].map((k) => [k, SCIM]),
  ...[
    ...route("management/users", "GET", "POST"),
    ...route("management/export/users", "GET"),
    ...route("management/users/[userId]", "GET", "PATCH", "DELETE"),
    ...route("management/roles", "GET", "POST", "PUT"),
    ...route("management/roles/[role]", "GET", "DELETE"),
    ...route("management/user-stores", "GET", "POST"),
    ...route("management/user-stores/[domain]", "GET", "PUT", "PATCH", "DELETE"),
    ...route("management/user-stores/[domain]/sync", "POST"),
    ...route("management/user-stores/[domain]/test", "POST"),
    ...route("client-registration/v0.17/register", "POST", "DELETE"),
    ...route("oauth2/revoke", "POST"),
    ...route("oauth2/introspect", "POST"),
    ...route("oauth2/token", "POST"),
  ].map((k) => [k, MGMT]),
  ...[
    ...pages(
      "users/[id]",
      "users/[id]/events",
      "users/[id]/password",
      "users/[id]/permissions",
      "users/[id]/profile",
      "users/[id]/roles",
      "users/[id]/sessions",
      "roles/[id]",
      "roles/[id]/permissions",
      "roles/[id]/rename",
      "roles/[id]/users",
      "settings/user-stores/[id]",
      "settings/user-stores/[id]/delete",
      "settings/role-permissions/edit",
      "settings/role-permissions/view",
      "tenants/[id]/edit",
      "tenants/[id]/delete",
      "users",
      "roles",
      "sessions",
      "audit",
      "settings/role-permissions",
      "settings/user-stores",
      "tenants",
    ),
    ...actions("users/[id]", "updateProfileAction", "resetPasswordAction"),
    ...actions("roles/[id]", "renameRoleAction"),
  ].map((k) => [k, E2E]),
  ...[
    ...actions("users", "deleteUserAction"),
    ...actions("roles", "deleteRoleAction"),
    ...actions(
      "users/[id]",
      "disableUserAction",
      "setUserRolesAction",
      "previewUserRolesAction",
      "enableUserAction",
      "unlockUserAction",
      "terminateUserSessionAction",
    ),
    ...actions("roles/[id]", "previewPermissionsAction", "setPermissionsAction", "previewMembersAction", "setMembersAction"),
    ...actions("sessions", "terminateSessionAction"),
    ...actions(
      "settings/user-stores",
      "setStoreEnabledAction",
      "editStoreAction",
      "testSavedStoreAction",
      "syncStoreAction",
      "deleteStoreAction",
    ),
    ...actions("settings/role-permissions", "checkMappingRoleAction", "updateScopeMappingAction", "deleteScopeMappingAction"),
    ...actions("settings/role-permissions/matrix", "previewMatrixAction", "saveMatrixAction", "findMatrixRoleAction"),
    ...actions("settings/role-permissions/tenant-conf", "previewImportAction", "applyImportAction"),
  ].map((k) => [k, COMMANDS]),
  ...[
    ...pages("settings/claims", "settings/claims/[id]", "settings/claims/[id]/delete"),
    ...actions("settings/claims", "editClaimAction", "deleteClaimAction"),
  ].map((k) => [k, CLAIMS]),
  ...[
    ...pages("users/import", "users/import/[id]"),
    ...route("api/v1/users/import/[id]", "GET"),
    ...route("api/v1/users/import/[id]/rows", "GET"),
    ...route("api/v1/users/import/[id]/report", "GET"),
    ...route("api/v1/users/import/[id]/start", "POST"),
    ...route("api/v1/users/import/[id]/cancel", "POST"),
    ...actions("users/import", "startImportAction", "cancelImportAction"),
  ].map((k) => [k, IMPORT]),
  // The tenant commands refuse a tenant's admin whatever the id (and the super tenant's admin may).
  ...actions("tenants", "setTenantActiveAction", "deleteTenantAction", "updateTenantContactAction").map((k) => [k, TENANT_COMMANDS]),
]);

const NO_OBJECT = "takes no object of another tenant: it acts on the caller's own tenant (creates there, names are per tenant)";
export const EXEMPT: Record<string, string> = {
  ...Object.fromEntries(route("api/v1/users/import", "POST").map((k) => [k, NO_OBJECT])),
  ...Object.fromEntries(route("api/v1/me", "GET").map((k) => [k, "the caller's own account"])),
  ...Object.fromEntries(
    route("api/auth/[...nextauth]", "GET", "POST").map((k) => [
      k,
      "NextAuth's sign-in; tenants are split by signInWithPassword (app/tenant-sign-in.test.ts)",
    ]),
  ),
  ...Object.fromEntries(route("sign-out", "POST").map((k) => [k, "ends the caller's own session"])),
  ...Object.fromEntries(route("oauth2/jwks", "GET").map((k) => [k, "the server's public keys, no object"])),
  ...Object.fromEntries(
    [
      ...route("scim2/ServiceProviderConfig", "GET"),
      ...route("scim2/Schemas", "GET"),
      ...route("scim2/Schemas/[id]", "GET"),
      ...route("scim2/ResourceTypes", "GET"),
      ...route("scim2/ResourceTypes/[name]", "GET"),
    ].map((k) => [k, "SCIM's discovery documents: the same static text for every tenant, no object"]),
  ),
  ...Object.fromEntries(
    route("management/login", "GET", "POST").map((k) => [
      k,
      "the caller's own credentials (app/tenant-sign-in.test.ts: another tenant's name is refused as a wrong password)",
    ]),
  ),
  ...Object.fromEntries(route("management/logout", "GET", "POST").map((k) => [k, "ends the caller's own token"])),
  ...Object.fromEntries(route("management/password-policy", "GET").map((k) => [k, "the server's configured policy, no object"])),
  ...Object.fromEntries(
    route("management/user-stores/test-connection", "POST").map((k) => [k, "tests the settings in its body, no stored object"]),
  ),
  ...Object.fromEntries(
    route("management/[...rest]", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS").map((k) => [
      k,
      "the 404 for paths no handler serves",
    ]),
  ),
  "app/login/page.tsx": "the sign-in form",
  "app/(console)/page.tsx": "the dashboard: counts of the caller's own tenant (usersPageQuery's, covered by the commands' matrix)",
  "app/(console)/account/password/page.tsx": "the caller's own password",
  ...Object.fromEntries(
    pages("users/new", "roles/new", "settings/user-stores/new", "settings/role-permissions/new", "settings/claims/new", "tenants/new").map(
      (k) => [k, NO_OBJECT],
    ),
  ),
  ...Object.fromEntries(
    [
      ...pages("settings/role-permissions/matrix", "settings/role-permissions/tenant-conf", "settings/claims/scim"),
      ...actions("settings/claims", "editScimDialectAction"),
    ].map((k) => [k, "the caller's tenant's whole mapping, no id or name in the address"]),
  ),
  ...Object.fromEntries(
    [
      ...actions("users", "createUserAction"),
      ...actions("roles", "createRoleAction", "checkRoleNameAction"),
      ...actions("settings/user-stores", "addStoreAction", "testStoreFormAction"),
      ...actions("settings/role-permissions", "createScopeMappingAction"),
      ...actions("tenants", "createTenantAction"),
      ...actions("settings/claims", "addClaimAction"),
    ].map((k) => [k, NO_OBJECT]),
  ),
  ...Object.fromEntries(actions("account/password", "changeOwnPasswordAction").map((k) => [k, "the caller's own password"])),
};

/** The keys a matrix test must cover, sorted. */
export function coveredBy(test: string): string[] {
  return Object.keys(COVERED)
    .filter((k) => COVERED[k] === test)
    .sort();
}
