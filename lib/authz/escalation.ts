import { AppError } from "../errors.ts";
import { describePermission } from "../permissions/catalog.ts";
import { holds } from "../permissions/paths.ts";
import type { Principal } from "./principal.ts";

/**
 * No escalation: nobody hands out a permission they do not hold themselves. This covers
 * granting it to a role, and giving someone a role that carries it (Keycloak CVE-2024-3656
 * is this class of bug).
 */
export function assertHoldsAll(principal: Principal, paths: readonly string[], what: string): void {
  const missing = paths.filter((p) => !holds(principal.grants, p));
  if (missing.length === 0) return;
  const names = missing.slice(0, 3).map((p) => describePermission(p)?.trail.slice(-2).join(" › ") ?? p);
  throw new AppError("FORBIDDEN", `You cannot ${what}: you do not hold ${names.join(", ")}${missing.length > 3 ? ` and ${missing.length - 3} more` : ""}.`);
}
