import type { Principal } from "./principal.ts";
import { can } from "./decide.ts";
import { accountActionBlocker } from "./escalation.ts";
import type { FeatureKey } from "./features.ts";
import { AppError } from "../errors.ts";
import { qualifiedName, splitQualifiedName } from "../core/domains.ts";
import { isSuperAdminAccount } from "../config/super-admin.ts";

export type UserFacts = {
  id: number;
  username: string;
  domain: string;
  readOnly: boolean;
  isAdminMember: boolean;
  /** Every permission the user holds through its roles (Internal/everyone's too, which every actor also holds). */
  grants: readonly string[];
  /**
   * The account's state, where the caller loaded it (the user page, the account writes). Without
   * it the state-dependent actions (disable, enable, unlock) are not offered.
   */
  account?: AccountState;
};
/** `otherEnabledAdmins`: admin-role holders besides this user who are not disabled (loaded only for an admin). */
export type AccountState = { disabled: boolean; locked: boolean; otherEnabledAdmins?: number };
export type UserAction = "password" | "roles" | "viewRoles" | "profile" | "delete" | "disable" | "enable" | "unlock";

/** Actions that act on the account itself, so the actor must hold all the account holds. */
const ACCOUNT_ACTIONS = new Set<UserAction>(["password", "profile", "delete", "disable", "enable", "unlock"]);
/** Gatehouse's own state and hybrid roles: allowed on a read-only (LDAP, JDBC) store's users too. */
const GATEHOUSE_SIDE = new Set<UserAction>(["roles", "disable", "enable", "unlock"]);

const FEATURE: Record<UserAction, FeatureKey> = {
  password: "users.password",
  roles: "users.update",
  viewRoles: "users.list",
  profile: "users.profile",
  delete: "users.delete",
  disable: "users.accountState",
  enable: "users.accountState",
  unlock: "users.accountState",
};

/**
 * Why `principal` may not take `action` on `user`, or null when they may. The console hides
 * what this blocks, and every write calls it again on the server (assertUserAction).
 */
export function userActionBlocker(principal: Principal, user: UserFacts, action: UserAction): string | null {
  if (!can(principal, FEATURE[action])) return "You do not have the permission for this.";
  if (action === "viewRoles") return null;
  const self = user.id === principal.userId;
  if (action === "delete" && self) return "You cannot delete your own account.";
  const stateBlocker = accountStateBlocker(user, action, self);
  if (stateBlocker !== undefined) return stateBlocker;
  // A read-only store's users may still be given roles: the hybrid roles (Internal/*,
  // Application/*) are Gatehouse's, as in WSO2; the store's own groups refuse it (role rules).
  if (user.readOnly && !GATEHOUSE_SIDE.has(action)) return `${user.domain} is a read-only user store.`;
  // Unlocking only gives the owner back their own access, so it needs no more than no escalation.
  if (isSuperAdminAccount(user) && !self && action !== "unlock") return "Only the admin account itself can change the admin account.";
  if (action === "delete" && isSuperAdminAccount(user)) return "The admin account cannot be deleted.";
  // Seed 000 and the MI's UserResource: an admin can be removed, or have their password reset
  // by someone else, only by the super admin ("only the creator"), not by any admin-role holder.
  if ((action === "delete" || (action === "password" && !self)) && user.isAdminMember && !isSuperAdminPrincipal(principal)) {
    return "Only the super admin can delete an admin or reset another admin's password.";
  }
  if (ACCOUNT_ACTIONS.has(action))
    return accountActionBlocker(principal, { name: qualifiedName(user.domain, user.username), grants: user.grants });
  return null;
}

/**
 * The account-state actions' own conditions: undefined when `action` is not one of them or they
 * hold (the shared rules then decide), else why not. Nobody disables themselves or the last
 * enabled admin, so the tenant always keeps someone who can undo it.
 */
function accountStateBlocker(user: UserFacts, action: UserAction, self: boolean): string | null | undefined {
  if (action !== "disable" && action !== "enable" && action !== "unlock") return undefined;
  const account = user.account;
  if (!account) return "The account's state is not known here.";
  const name = qualifiedName(user.domain, user.username);
  if (action === "unlock") return account.locked ? undefined : `${name} is not locked.`;
  if (action === "enable") return account.disabled ? undefined : `${name} is not disabled.`;
  if (account.disabled) return `${name} is already disabled.`;
  if (self) return "You cannot disable your own account.";
  if (user.isAdminMember && account.otherEnabledAdmins === 0)
    return `${name} is the last enabled admin; disabling them would lock everyone out.`;
  return undefined;
}

export function assertUserAction(principal: Principal, user: UserFacts, action: UserAction): void {
  const blocker = userActionBlocker(principal, user, action);
  if (blocker) throw new AppError("FORBIDDEN", blocker);
}

export function allowedUserActions(principal: Principal, user: UserFacts): UserAction[] {
  return (Object.keys(FEATURE) as UserAction[]).filter((a) => userActionBlocker(principal, user, a) === null);
}

function isSuperAdminPrincipal(principal: Principal): boolean {
  return isSuperAdminAccount({ username: principal.username, domain: splitQualifiedName(principal.displayName).domain });
}
