/**
 * Every audit action Gatehouse records, and the categories the audit page filters on. A new
 * action must be listed here (recordAudit takes only these), and its prefix must be a category:
 * the `satisfies` below fails to compile otherwise, so the filter can never miss an event kind.
 */
export const AUDIT_ACTIONS = [
  "auth.signed_in",
  "auth.signed_out",
  "auth.sign_in_failed",
  "auth.address_locked",
  "auth.account_locked",
  "user.created",
  "user.deleted",
  "user.bulk_deleted",
  "user.password_changed",
  "user.password_reset",
  "user.profile_changed",
  "user.roles_changed",
  "user.disabled",
  "user.enabled",
  "user.unlocked",
  "user.import_started",
  "user.import_finished",
  "user.import_cancelled",
  "user.exported",
  "role.created",
  "role.deleted",
  "role.renamed",
  "role.members_changed",
  "role.permissions_changed",
  "scopes.roles_set",
  "scopes.aliases_set",
  "scopes.mapping_created",
  "scopes.mapping_updated",
  "scopes.mapping_deleted",
  "scopes.imported",
  "scopes.tenant_config_put",
  "scopes.catalog_updated",
  "store.added",
  "store.edited",
  "store.enabled",
  "store.disabled",
  "store.tested",
  "store.synced",
  "store.deleted",
  "claim.added",
  "claim.edited",
  "claim.deleted",
  "claim.scim_mapping_changed",
  "session.revoked",
  "oauth.client_registered",
  "oauth.client_secret_renewed",
  "oauth.client_deleted",
  "oauth.token_revoked",
  "system.provisioned",
  "tenant.created",
  "tenant.activated",
  "tenant.deactivated",
  "tenant.contact_changed",
  "tenant.deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

type Category<A extends string> = A extends `${infer P}.${string}` ? `${P}.` : never;

/** The filters the audit page offers: action prefixes, labelled. */
export const AUDIT_CATEGORIES = {
  "": "All events",
  "auth.": "Sign-in and sign-out",
  "user.": "Users",
  "role.": "Roles",
  "scopes.": "Scope mappings",
  "store.": "User stores",
  "claim.": "Claims",
  "session.": "Sessions",
  "oauth.": "OAuth2 clients and tokens",
  "system.": "System",
  "tenant.": "Tenants",
} as const satisfies Record<"" | Category<AuditAction>, string>;
export type AuditCategory = Exclude<keyof typeof AUDIT_CATEGORIES, "">;

/** What became of the attempt an event records; the audit log filters on it. */
export const AUDIT_OUTCOMES = ["success", "failure"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * Actions that always record a refused attempt. Migration 0013 backfills the same list, and
 * store tests and syncs fail when their `after` says `ok: false`.
 */
const FAILURE_ACTIONS: ReadonlySet<AuditAction> = new Set(["auth.sign_in_failed", "auth.address_locked", "auth.account_locked"]);

export function auditOutcome(action: AuditAction, after: unknown): AuditOutcome {
  if (FAILURE_ACTIONS.has(action)) return "failure";
  const failed = typeof after === "object" && after !== null && (after as { ok?: unknown }).ok === false;
  return failed ? "failure" : "success";
}

/** The actions of one category, for a filter written as `action IN (…)` (an index range on both databases). */
export function actionsOf(category: AuditCategory): AuditAction[] {
  return AUDIT_ACTIONS.filter((a) => a.startsWith(category));
}
