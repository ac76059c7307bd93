import { DEFAULT_PASSWORD_REASON } from "../core/contract.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { holds } from "../permissions/paths.ts";
import { FEATURES, LOGIN_PERMISSION, type FeatureKey } from "./features.ts";
import type { Principal } from "./principal.ts";

export type Decision =
  { allowed: true } | { allowed: false; code: "UNAUTHENTICATED" | "FORBIDDEN" | "PASSWORD_CHANGE_REQUIRED"; reason: string };

/**
 * The single authorization decision. Denies unless everything holds: a live principal who has
 * set their own password, holding a permission the feature accepts. Tenancy is not decided
 * here: every read and write puts the principal's own tenantId in its query. The one exception
 * is the Super Admin features (tenants), which only the super tenant's principals may use.
 */
export function decide(principal: Principal | null, feature: FeatureKey): Decision {
  if (!principal) return { allowed: false, code: "UNAUTHENTICATED", reason: "Sign in to continue." };
  if (principal.mustChangePassword) {
    return { allowed: false, code: "PASSWORD_CHANGE_REQUIRED", reason: DEFAULT_PASSWORD_REASON };
  }
  const required: (typeof FEATURES)[FeatureKey] & { superTenantOnly?: true } = FEATURES[feature];
  const inTenant = !required.superTenantOnly || principal.tenantDomain === SUPER_TENANT;
  if (inTenant && required.anyOf.some((path) => holds(principal.grants, path))) return { allowed: true };
  // The same words as a missing permission: a tenant's admin learns nothing more from the refusal.
  return { allowed: false, code: "FORBIDDEN", reason: `You do not have permission to ${required.label.toLowerCase()}.` };
}

/**
 * A route's decision. "self" is any signed-in user acting on their own account, even one who
 * must still change the default password: changing it is the way out of that state.
 */
export function decideRoute(principal: Principal | null, feature: FeatureKey | "self"): Decision {
  if (feature === "self") return principal ? { allowed: true } : decide(null, "console.signIn");
  return decide(principal, feature);
}

export function can(principal: Principal, feature: FeatureKey): boolean {
  return decide(principal, feature).allowed;
}

/** The features a principal may use, for the navigation and for hiding controls (never as a check). */
export function allowedFeatures(principal: Principal): Set<FeatureKey> {
  return new Set((Object.keys(FEATURES) as FeatureKey[]).filter((f) => can(principal, f)));
}

/**
 * Whether a user with these grants may open, or keep using, a session of this kind: the one
 * Login check, made at sign-in, on every request and for OAuth2 tokens. The console and OAuth2
 * need Login. The management API, as in the MI, lets any active user of a store in: each call
 * is then decided by the permission tree, so without permissions a token can only change its
 * holder's own password.
 */
export function mayHoldSession(kind: Principal["sessionKind"], grants: readonly string[]): boolean {
  return kind === "api" || holds(grants, LOGIN_PERMISSION);
}
