/**
 * RFC 7662 introspection, for the client the token was issued to. The answer is computed now:
 * a revoked or expired token, or one whose user may no longer sign in, is `active: false`, and
 * `scope` is what the mapping grants the token at this moment.
 */
import type { Db } from "../db/client.ts";
import { mayHoldSession } from "../authz/decide.ts";
import { loadSubjectRoles } from "../authz/principal.ts";
import { qualifiedName } from "../core/domains.ts";
import type { AuthenticatedClient } from "./client-auth.ts";
import { grantedScopes, parseScopes, scopeString } from "./granted-scopes.ts";
import { ISSUER } from "./jwt.ts";
import { hashSecret } from "./secrets.ts";
import { liveAccessToken } from "./token-state.ts";

export type Introspection = { active: false } | ({ active: true } & Record<string, string | number | boolean>);

export async function introspectToken(client: Db, caller: AuthenticatedClient, token: string): Promise<Introspection> {
  const access = await liveAccessToken(client, token);
  if (access) {
    if (access.clientDbId !== caller.id) return { active: false };
    const name = access.principal.displayName;
    return {
      active: true,
      scope: scopeString(access.principal.scopes),
      client_id: access.clientId,
      username: name,
      sub: name,
      aud: access.clientId,
      iss: ISSUER,
      token_type: "Bearer",
      exp: access.exp,
      iat: access.iat,
      nbf: access.iat,
    };
  }
  return introspectRefreshToken(client, caller, token);
}

async function introspectRefreshToken(client: Db, caller: AuthenticatedClient, token: string): Promise<Introspection> {
  const row = await client.oAuthToken.findUnique({
    where: { refreshHash: hashSecret(token) },
    include: { session: { include: { user: { select: { username: true, store: { select: { domain: true } } } } } } },
  });
  const now = new Date();
  if (
    !row ||
    row.clientId !== caller.id ||
    row.refreshUsedAt ||
    row.session.revokedAt ||
    !row.refreshExpiresAt ||
    row.refreshExpiresAt <= now
  )
    return { active: false };
  const { tenantId, userId } = row.session;
  if (!mayHoldSession("oauth", (await loadSubjectRoles(client, tenantId, userId)).grants)) return { active: false };
  const scopes = await grantedScopes(client, tenantId, userId, parseScopes(row.scopes));
  const name = qualifiedName(row.session.user.store.domain, row.session.user.username);
  return {
    active: true,
    scope: scopeString(scopes),
    client_id: caller.clientId,
    username: name,
    sub: name,
    token_type: "refresh_token",
    exp: Math.floor(row.refreshExpiresAt.getTime() / 1000),
    iat: Math.floor(row.createdAt.getTime() / 1000),
  };
}
