import { decideRoute } from "./decide.ts";
import type { FeatureKey } from "./features.ts";
import type { Principal } from "./principal.ts";
import { scopeRefusal } from "./scope.ts";

export type Refusal = { code: "UNAUTHENTICATED" | "FORBIDDEN" | "PASSWORD_CHANGE_REQUIRED"; reason: string };

/**
 * One operation's decision as every transport makes it: the feature (decideRoute), then an
 * OAuth2 token's scopes (any one of `scopes`). defineRoute asks it once per request, and
 * /scim2/Bulk once per operation, so the two cannot disagree.
 */
export function operationRefusal(
  principal: Principal | null,
  feature: FeatureKey | "self",
  scopes: readonly string[] | undefined,
): Refusal | null {
  const decision = decideRoute(principal, feature);
  if (!decision.allowed) return decision;
  const outOfScope = scopeRefusal(principal, scopes);
  return outOfScope ? { code: "FORBIDDEN", reason: outOfScope } : null;
}
