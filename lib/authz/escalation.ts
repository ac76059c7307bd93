import { AppError } from "../errors.ts";
import { describePermission } from "../permissions/catalog.ts";
import { holds } from "../permissions/paths.ts";
import type { Principal } from "./principal.ts";

export type ManagedRole = { qualified: string; kind: string; grants: readonly string[] };

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

/**
 * Changing a role (its name, permissions or members) is limited to roles within the actor's
 * own permissions. Only holders of the admin role touch the admin role, and the implicit or
 * hidden roles are never managed.
 */
export function assertCanManageRole(principal: Principal, role: ManagedRole, what: string): void {
  if (role.kind === "everyone") throw new AppError("FORBIDDEN", "Every user belongs to Internal/everyone implicitly; it cannot be changed.");
  if (role.kind === "system") throw new AppError("FORBIDDEN", "Internal/system is reserved and cannot be changed.");
  if (role.kind === "admin" && !principal.isAdmin) throw new AppError("FORBIDDEN", `Only holders of the admin role can ${what} ${role.qualified}.`);
  assertHoldsAll(principal, role.grants, `${what} ${role.qualified}`);
}
