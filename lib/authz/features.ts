import type { PermissionPath } from "../permissions/tree.ts";

export const LOGIN_PERMISSION = "/permission/admin/login" satisfies PermissionPath;

type Feature = { label: string; anyOf: readonly PermissionPath[] };

/**
 * What each console feature, REST call and CLI command requires: holding any one of the
 * listed nodes (or an ancestor of it) is enough. Where WSO2 has both the classic console node
 * (configure/security/...) and the newer identity node (manage/identity/...), either works.
 * docs/console.md's permission table is generated from this object.
 */
export const FEATURES = {
  "console.signIn": { label: "Sign in", anyOf: [LOGIN_PERMISSION] },
  "users.list": {
    label: "List and view users",
    anyOf: [
      "/permission/admin/manage/identity/usermgt/view",
      "/permission/admin/manage/identity/usermgt/list",
      "/permission/admin/configure/security/usermgt/users",
    ],
  },
  "users.create": {
    label: "Add users",
    anyOf: ["/permission/admin/manage/identity/usermgt/create", "/permission/admin/configure/security/usermgt/users"],
  },
  "users.update": {
    label: "Assign roles to users",
    anyOf: ["/permission/admin/manage/identity/usermgt/update", "/permission/admin/configure/security/usermgt/users"],
  },
  "users.delete": {
    label: "Delete users",
    anyOf: ["/permission/admin/manage/identity/usermgt/delete", "/permission/admin/configure/security/usermgt/users"],
  },
  // WSO2 sets accountLocked/accountDisabled as claims, under the user-update nodes.
  "users.accountState": {
    label: "Disable, enable and unlock user accounts",
    anyOf: ["/permission/admin/manage/identity/usermgt/update", "/permission/admin/configure/security/usermgt/users"],
  },
  "users.password": {
    label: "Change other users' passwords",
    anyOf: ["/permission/admin/manage/identity/identitymgt/update", "/permission/admin/configure/security/usermgt/passwords"],
  },
  "users.profile": {
    label: "Edit user profiles",
    anyOf: ["/permission/admin/manage/identity/usermgt/update", "/permission/admin/configure/security/usermgt/profiles"],
  },
  "roles.list": {
    label: "List and view roles",
    anyOf: ["/permission/admin/manage/identity/rolemgt/view", "/permission/admin/configure/security"],
  },
  "roles.create": {
    label: "Add roles",
    anyOf: ["/permission/admin/manage/identity/rolemgt/create", "/permission/admin/configure/security"],
  },
  "roles.update": {
    label: "Rename roles, edit their permissions and members",
    anyOf: ["/permission/admin/manage/identity/rolemgt/update", "/permission/admin/configure/security"],
  },
  "roles.delete": {
    label: "Delete roles",
    anyOf: ["/permission/admin/manage/identity/rolemgt/delete", "/permission/admin/configure/security"],
  },
  "scopes.manage": {
    label: "Scope assignments and role aliases (Settings > Role Permissions)",
    anyOf: ["/permission/admin/manage/apim_admin"],
  },
  "sessions.list": { label: "List active sessions", anyOf: ["/permission/admin/manage/identity/authentication/session/view"] },
  "sessions.revoke": {
    label: "Terminate other users' sessions",
    anyOf: ["/permission/admin/manage/identity/authentication/session/delete"],
  },
  // Other apps' service accounts ask "may this user do that?"; the answer names the user's roles,
  // which is what viewing users already shows, so it needs the user-view nodes and no more.
  "authz.check": {
    label: "Ask the authorization decision API (/api/v1/authz/check)",
    anyOf: [
      "/permission/admin/manage/identity/usermgt/view",
      "/permission/admin/manage/identity/usermgt/list",
      "/permission/admin/configure/security/usermgt/users",
    ],
  },
  // WSO2's User Store Configuration Management nodes (carbon-identity-framework's
  // user-store-configuration bundle); the classic tree has no configure/security node for it.
  "stores.view": {
    label: "View secondary user stores",
    anyOf: ["/permission/admin/manage/identity/userstore/config/view"],
  },
  "stores.create": {
    label: "Add secondary user stores",
    anyOf: ["/permission/admin/manage/identity/userstore/config/create"],
  },
  "stores.update": {
    label: "Edit, enable, disable, test and sync secondary user stores",
    anyOf: ["/permission/admin/manage/identity/userstore/config/update"],
  },
  "stores.delete": {
    label: "Delete secondary user stores",
    anyOf: ["/permission/admin/manage/identity/userstore/config/delete"],
  },
  // Claim Management sits under Configure > Security in WSO2's classic tree ("Claims, keystores, …").
  "claims.view": { label: "View claims", anyOf: ["/permission/admin/configure/security"] },
  "claims.manage": { label: "Add, edit and delete claims", anyOf: ["/permission/admin/configure/security"] },
  "audit.read": { label: "Read the audit log", anyOf: ["/permission/admin/monitor/logs"] },
  // Super Admin Permissions: a tenant's admin holds "/permission" too, but protected paths count
  // only in the super tenant (countsFor in protected-grants.ts), and the tenant commands check the
  // actor's tenant again in the database (lib/tenants/super-tenant.ts).
  "tenants.view": {
    label: "View tenants",
    anyOf: ["/permission/protected/manage/monitor/tenants", "/permission/protected/manage/modify/tenants"],
  },
  "tenants.manage": {
    label: "Add, activate, deactivate, edit and delete tenants",
    anyOf: ["/permission/protected/manage/modify/tenants"],
  },
} as const satisfies Record<string, Feature>;

export type FeatureKey = keyof typeof FEATURES;
