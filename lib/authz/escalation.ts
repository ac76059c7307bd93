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
  const missing = missingGrants(principal, paths);
  if (missing.length === 0) return;
  throw new AppError("FORBIDDEN", `You cannot ${what}: you do not hold ${describeMissing(missing)}.`);
}

/** Whose account an action touches: its qualified name and every permission it holds, Internal/everyone's included. */
export type AccountTarget = { name: string; grants: readonly string[] };

/**
 * No escalation through someone else's account: resetting its password, deleting it, editing
 * its profile, locking or unlocking it or ending its sessions is allowed only when the actor
 * holds every permission the account holds (admin-role holders hold all). Otherwise the actor
 * could take the account over, or deny its owner, and so act with permissions they lack.
 * Returns why the action is refused, or null.
 */
export function accountActionBlocker(principal: Principal, target: AccountTarget): string | null {
  if (principal.isAdmin) return null;
  const missing = missingGrants(principal, target.grants);
  return missing.length === 0 ? null : `${target.name} holds permissions you do not: ${describeMissing(missing)}.`;
}

function missingGrants(principal: Principal, paths: readonly string[]): string[] {
  return [...new Set(paths)].filter((p) => !holds(principal.grants, p)).sort();
}

function describeMissing(missing: readonly string[]): string {
  const names = missing.slice(0, 3).map((p) => describePermission(p)?.trail.slice(-2).join(" › ") ?? p);
  return `${names.join(", ")}${missing.length > 3 ? ` and ${missing.length - 3} more` : ""}`;
}
