import type { Principal } from "./principal.ts";

/**
 * OAuth2 tokens carry scopes; the operation names the ones that admit it (WSO2's `security`
 * list: any one will do). Other credentials have no scopes and are decided by the permission
 * tree alone; an OAuth token needs both. A route that names no scope refuses OAuth tokens.
 */
export function scopeRefusal(principal: Principal | null, required: readonly string[] | undefined): string | null {
  if (!principal?.scopes) return null;
  if (required?.some((scope) => principal.scopes!.includes(scope))) return null;
  return required?.length
    ? `The access token does not hold the scope this operation needs: ${required.join(" or ")}.`
    : "This operation does not accept OAuth2 access tokens.";
}
