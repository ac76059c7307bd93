/**
 * What an access token is worth right now: its session must be live (not revoked, not expired,
 * user still allowed to sign in: resolveSession), and its scopes are the ones it was granted
 * that the mapping still grants. The bearer resolver and /oauth2/introspect both ask this.
 */
import type { Principal } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { resolveSession } from "../sessions/resolve-session.ts";
import { sessionIdFor } from "../sessions/secret.ts";
import { grantedScopes, parseScopes } from "./granted-scopes.ts";
import { verifyAccessToken } from "./jwt.ts";

// The grant's own lifetime bounds an OAuth session; the console's idle timeout does not apply.
const NO_IDLE_TIMEOUT = { idleTimeoutMs: Number.MAX_SAFE_INTEGER };

export type LiveToken = { principal: Principal & { scopes: string[] }; clientId: string; clientDbId: number; exp: number; iat: number };

export async function liveAccessToken(client: Db, token: string): Promise<LiveToken | null> {
  const claims = await verifyAccessToken(client, token);
  if (!claims) return null;
  const row = await client.oAuthToken.findUnique({
    where: { sessionId: sessionIdFor(claims.secret) },
    include: { client: { select: { clientId: true } } },
  });
  if (!row || row.client.clientId !== claims.clientId) return null;
  const principal = await resolveSession(client, claims.secret, NO_IDLE_TIMEOUT);
  if (!principal || principal.sessionKind !== "oauth") return null;
  const scopes = await grantedScopes(client, principal.tenantId, principal.userId, parseScopes(row.scopes));
  return { principal: { ...principal, scopes }, clientId: row.client.clientId, clientDbId: row.clientId, exp: claims.exp, iat: claims.iat };
}
