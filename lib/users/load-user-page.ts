import "server-only";
import { forbidden } from "next/navigation";
import { requirePage } from "../transport/guard.ts";
import type { FeatureKey } from "../authz/features.ts";
import { db } from "../db/client.ts";
import { orNotFound, parseId } from "../http/not-found.ts";
import { getUser } from "./get-user.ts";
import { allowedUserActions, userActionBlocker, type UserAction } from "./user-rules.ts";

/** For a user's action pages: the page's permission, the user, and the rule check for the action itself. */
export async function loadUserPage(rawId: string, feature: FeatureKey, action: UserAction) {
  const principal = await requirePage(feature);
  const user = await orNotFound(getUser(db(), principal.tenantId, parseId(rawId)));
  if (userActionBlocker(principal, user, action)) forbidden();
  return { principal, user, actions: allowedUserActions(principal, user) };
}
