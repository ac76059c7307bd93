import "server-only";
import { forbidden, redirect } from "next/navigation";
import { currentPrincipal } from "../auth/current-principal.ts";
import { decide } from "../authz/decide.ts";
import type { FeatureKey } from "../authz/features.ts";
import type { Principal } from "../authz/principal.ts";

/**
 * Every page calls this first. No session: to the sign-in page. Default password still set:
 * to the change-password page. Missing permission: the 403 page (app/forbidden.tsx).
 */
export async function requirePage(feature: FeatureKey): Promise<Principal> {
  const principal = await currentPrincipal();
  const decision = decide(principal, feature);
  if (decision.allowed) return principal!;
  if (decision.code === "UNAUTHENTICATED") redirect("/login");
  if (decision.code === "PASSWORD_CHANGE_REQUIRED") redirect("/account/password");
  forbidden();
}

/** For the few pages any signed-in user may open, even before changing the default password. */
export async function requireSession(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect("/login");
  return principal;
}
