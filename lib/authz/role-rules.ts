import type { Principal } from "./principal.ts";
import { can } from "./decide.ts";
import type { FeatureKey } from "./features.ts";
import { holds } from "../permissions/paths.ts";
import { AppError } from "../errors.ts";

/** `external`: the role mirrors a group of an LDAP or JDBC store; its writes go to the directory (read-only: refused). */
export type RoleFacts = { qualified: string; kind: string; readOnly: boolean; external: boolean; grants: readonly string[] };
export type RoleAction = "rename" | "permissions" | "assignUsers" | "viewUsers" | "delete";

const FEATURE: Record<RoleAction, FeatureKey> = {
  rename: "roles.update",
  permissions: "roles.update",
  assignUsers: "roles.update",
  viewUsers: "roles.list",
  delete: "roles.delete",
};

/**
 * Why `principal` may not take `action` on `role`, or null. WSO2's rules: the admin role is
 * never renamed, edited or deleted (holders of it may still assign its members);
 * Internal/everyone is never renamed, assigned, listed or deleted; read-only stores are
 * view-only. Gatehouse adds: nobody changes a role that carries permissions they lack. A
 * read-write external store's group is renamed and deleted as any role, in its directory first
 * (lib/user-stores/external/external-groups.ts).
 */
export function roleActionBlocker(principal: Principal, role: RoleFacts, action: RoleAction): string | null {
  if (!can(principal, FEATURE[action])) return "You do not have the permission for this.";
  return roleRuleBlocker(principal, role, action);
}

/**
 * The role's own rules, without the feature check: giving a user a role from the user's side
 * needs users.update rather than roles.update, but the same rules about the role itself.
 */
export function roleRuleBlocker(principal: Principal, role: RoleFacts, action: RoleAction): string | null {
  if (role.kind === "everyone")
    return "Every user belongs to Internal/everyone implicitly; it cannot be renamed, assigned, listed or deleted.";
  if (role.kind === "system") return "Internal/system is reserved.";
  if (action === "viewUsers") return null;
  if (role.readOnly) return `${role.qualified} is in a read-only user store.`;
  if (role.kind === "admin") {
    if (action !== "assignUsers") return "The admin role cannot be renamed, have its permissions edited, or be deleted.";
    if (!principal.isAdmin) return "Only holders of the admin role can add or remove its members.";
  }
  const missing = role.grants.filter((g) => !holds(principal.grants, g));
  if (missing.length > 0) return `${role.qualified} carries permissions you do not hold.`;
  return null;
}

export function assertRoleAction(principal: Principal, role: RoleFacts, action: RoleAction): void {
  const blocker = roleActionBlocker(principal, role, action);
  if (blocker) throw new AppError("FORBIDDEN", blocker);
}

export function assertRoleRule(principal: Principal, role: RoleFacts, action: RoleAction): void {
  const blocker = roleRuleBlocker(principal, role, action);
  if (blocker) throw new AppError("FORBIDDEN", blocker);
}

/**
 * The actions `principal` may take on `role`. Each feature is decided once, not once per action;
 * `decided` names features the caller has already decided allowed (a page's own guard).
 */
export function allowedRoleActions(principal: Principal, role: RoleFacts, decided: ReadonlySet<FeatureKey> = new Set()): RoleAction[] {
  const features = new Map<FeatureKey, boolean>([...decided].map((f) => [f, true]));
  const may = (feature: FeatureKey) => {
    if (!features.has(feature)) features.set(feature, can(principal, feature));
    return features.get(feature)!;
  };
  return (Object.keys(FEATURE) as RoleAction[]).filter((a) => may(FEATURE[a]) && roleRuleBlocker(principal, role, a) === null);
}
