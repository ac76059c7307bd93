import { DEFAULT_PASSWORD_REASON } from "../core/contract.ts";
import { holds } from "../permissions/paths.ts";
import { FEATURES, type FeatureKey } from "./features.ts";
import type { Principal } from "./principal.ts";

export type Decision = { allowed: true } | { allowed: false; code: "UNAUTHENTICATED" | "FORBIDDEN" | "PASSWORD_CHANGE_REQUIRED"; reason: string };

/**
 * The single authorization decision. Denies unless everything holds: a live principal, in
 * this tenant, who has set their own password, holding a permission the feature accepts.
 */
export function decide(principal: Principal | null, tenantId: number, feature: FeatureKey): Decision {
  if (!principal) return { allowed: false, code: "UNAUTHENTICATED", reason: "Sign in to continue." };
  if (principal.tenantId !== tenantId) return { allowed: false, code: "FORBIDDEN", reason: "This belongs to another tenant." };
  if (principal.mustChangePassword) {
    return { allowed: false, code: "PASSWORD_CHANGE_REQUIRED", reason: DEFAULT_PASSWORD_REASON };
  }
  const required = FEATURES[feature];
  if (required.anyOf.some((path) => holds(principal.grants, path))) return { allowed: true };
  return { allowed: false, code: "FORBIDDEN", reason: `You do not have permission to ${required.label.toLowerCase()}.` };
}

/**
 * A route's decision. "self" is any signed-in user acting on their own account, even one who
 * must still change the default password: changing it is the way out of that state.
 */
export function decideRoute(principal: Principal | null, feature: FeatureKey | "self"): Decision {
  if (feature === "self") return principal ? { allowed: true } : decide(null, -1, "console.signIn");
  return decide(principal, principal?.tenantId ?? -1, feature);
}

export function can(principal: Principal, feature: FeatureKey): boolean {
  return decide(principal, principal.tenantId, feature).allowed;
}

/** The features a principal may use, for the navigation and for hiding controls (never as a check). */
export function allowedFeatures(principal: Principal): Set<FeatureKey> {
  return new Set((Object.keys(FEATURES) as FeatureKey[]).filter((f) => can(principal, f)));
}
