import type { Principal } from "../authz/principal.ts";
import { can } from "../authz/decide.ts";
import { AppError } from "../errors.ts";
import type { UserDetail } from "./get-user.ts";

/**
 * A user page's tabs (Keycloak's and authentik's user pages: Details, Roles, Permissions,
 * Sessions, Events), each its own URL. Sessions and Events need their own features; the rest
 * need only users.list, so a read-only admin sees them without the controls.
 */
export type UserTab = "details" | "roles" | "permissions" | "sessions" | "events";

export function userTabs(principal: Principal): UserTab[] {
  const tabs: UserTab[] = ["details", "roles", "permissions"];
  if (can(principal, "sessions.list")) tabs.push("sessions");
  if (can(principal, "audit.read")) tabs.push("events");
  return tabs;
}

/** A tab whose feature is not users.list still shows a user: the viewer must be allowed to see users too. */
export function assertSeesUsers(principal: Principal): void {
  if (!can(principal, "users.list")) throw new AppError("FORBIDDEN", "You do not have the permission for this.");
}

/** What every tab's header shows: the name, the store and the account's state. */
export function userSummary(user: UserDetail) {
  return {
    id: user.id,
    qualified: user.qualified,
    domain: user.domain,
    readOnly: user.readOnly,
    version: user.version,
    disabled: user.account?.disabled ?? false,
    lockedUntil: user.account?.locked ? user.lockedUntil : null,
  };
}
export type UserSummary = ReturnType<typeof userSummary>;
