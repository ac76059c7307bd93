import "server-only";
import { forbidden } from "next/navigation";
import { requirePage } from "../transport/guard.ts";
import type { FeatureKey } from "../authz/features.ts";
import { db } from "../db/client.ts";
import { orNotFound, parseId } from "../http/not-found.ts";
import { getRole } from "./get-role.ts";
import { allowedRoleActions, roleActionBlocker, type RoleAction } from "./role-rules.ts";

/**
 * For a role's action pages: the page's permission, the role, and the rule check for the action
 * itself. The page's feature is decided once, by its guard, and passed down.
 */
export async function loadRolePage(rawId: string, feature: FeatureKey, action: RoleAction) {
  const principal = await requirePage(feature);
  const role = await orNotFound(getRole(db(), principal.tenantId, parseId(rawId)));
  const actions = allowedRoleActions(principal, role, new Set([feature]));
  const blocker = actions.includes(action) ? null : roleActionBlocker(principal, role, action);
  if (blocker && action !== "viewUsers") forbidden();
  return { principal, role, blocker, actions };
}
