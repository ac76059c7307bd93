/**
 * The storage model @node-oauth/oauth2-server calls while it runs a grant. The library parses
 * the request, authenticates the client and applies each grant's rules; this file only finds
 * and stores things. One model per request, holding the caller's address for sign-in.
 *
 * Every grant ends in saveToken, which writes the token's Session row (kind "oauth") and its
 * OAuthToken row in one transaction. The password grant's session comes from sign-in itself.
 */
import OAuth2Server from "@node-oauth/oauth2-server";
import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db } from "../db/client.ts";
import { signInWithPassword } from "../auth/sign-in.ts";
import { throttledMessage } from "../auth/throttled.ts";
import { mayHoldSession } from "../authz/decide.ts";
import { loadSubjectRoles } from "../authz/principal.ts";
import { createSession } from "../sessions/create-session.ts";
import { revokeSessionById } from "../sessions/revoke-session.ts";
import { newSessionSecret, sessionIdFor } from "../sessions/secret.ts";
import { qualifiedName } from "../core/domains.ts";
import { DEFAULT_SCOPE, grantedScopes, parseScopes, scopeString } from "./granted-scopes.ts";
import { signAccessToken } from "./jwt.ts";
import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SECONDS } from "./lifetimes.ts";
import { hashSecret, newOpaqueSecret, secretMatches } from "./secrets.ts";
import { revokeFamily } from "./revoke-family.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";

export type GrantContext = { db: Db; config: TGatehouseConfig; grantType: string; ip: string; userAgent: string };

/** What the library carries between the model's calls as "user". */
type GrantUser = { id: number; tenantId: number; name: string; secret?: string; signedIn?: boolean; granted?: string[]; family?: string };
type GrantClient = OAuth2Server.Client & { dbId: number; tenantId: number; ownerId: number };

export class ThrottledError extends OAuth2Server.OAuthError {
  constructor(readonly retryAfterSeconds: number) {
    super(throttledMessage(retryAfterSeconds), { code: 429, name: "temporarily_unavailable" });
  }
}

export function grantModel(
  ctx: GrantContext,
): OAuth2Server.PasswordModel & OAuth2Server.ClientCredentialsModel & OAuth2Server.RefreshTokenModel {
  const { db } = ctx;
  // The client this request authenticated as (the library asks getClient before the grant).
  let authenticated: string | undefined;

  async function userById(tenantId: number, userId: number): Promise<GrantUser | null> {
    // A deactivated tenant's users get no token by any grant, as they cannot sign in.
    const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { active: true } });
    if (!tenant?.active) return null;
    const user = await (await tenantUserStore(db, tenantId)).getUser(db, tenantId, userId);
    // A disabled user gets no token by any grant (client_credentials acts as the client's owner).
    if (!user || user.disabledAt) return null;
    const subject = await loadSubjectRoles(db, tenantId, userId);
    return mayHoldSession("oauth", subject.grants) ? { id: userId, tenantId, name: qualifiedName(user.domain, user.username) } : null;
  }

  return {
    async getClient(clientId, clientSecret) {
      const row = await db.oAuthClient.findUnique({ where: { clientId } });
      if (!row || !clientSecret || !secretMatches(clientSecret, row.secretHash)) return null;
      const client: GrantClient = {
        id: row.clientId,
        grants: row.grantTypes.split(" "),
        dbId: row.id,
        tenantId: row.tenantId,
        ownerId: row.ownerId,
      };
      authenticated = row.clientId;
      return client;
    },

    async getUser(username, password) {
      const result = await signInWithPassword(db, ctx.config, {
        username,
        password,
        kind: "oauth",
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        lifetimeMs: REFRESH_TOKEN_SECONDS * 1000,
      });
      if (!result.ok && result.retryAfterSeconds) throw new ThrottledError(result.retryAfterSeconds);
      if (!result.ok) return null;
      const user = await userById(result.tenantId, result.userId);
      return user && { ...user, secret: result.sessionSecret, signedIn: true };
    },

    // As in WSO2, a client_credentials token acts as the user who registered the client.
    async getUserFromClient(client) {
      const { tenantId, ownerId } = client as GrantClient;
      return userById(tenantId, ownerId);
    },

    async validateScope(user, _client, scope) {
      const { tenantId, id } = user as GrantUser;
      const granted = await grantedScopes(db, tenantId, id, scope ?? []);
      return granted.length > 0 ? granted : [DEFAULT_SCOPE];
    },

    async generateAccessToken(client, rawUser, scope) {
      const user = rawUser as GrantUser;
      // A refreshed token's scopes are checked again too: the mapping may have changed since.
      user.granted = await grantedScopes(db, user.tenantId, user.id, scope ?? []);
      user.secret ??= newSessionSecret();
      const expiresAt = new Date(Date.now() + ACCESS_TOKEN_SECONDS * 1000);
      return signAccessToken(db, {
        secret: user.secret,
        subject: user.name,
        clientId: client.id,
        scopes: scopeString(user.granted),
        expiresAt,
      });
    },

    async generateRefreshToken() {
      return newOpaqueSecret();
    },

    async saveToken(token, rawClient, rawUser) {
      const user = rawUser as GrantUser;
      const client = rawClient as GrantClient;
      const sessionId = sessionIdFor(user.secret!);
      const granted = user.granted ?? [];
      await db.$transaction(async (tx) => {
        if (!user.signedIn) {
          const expiresAt = token.refreshTokenExpiresAt ?? token.accessTokenExpiresAt!;
          await createSession(tx, {
            tenantId: user.tenantId,
            userId: user.id,
            kind: "oauth",
            lifetimeMs: expiresAt.getTime() - Date.now(),
            ip: ctx.ip,
            userAgent: ctx.userAgent,
            secret: user.secret,
          });
        }
        await tx.oAuthToken.create({
          data: {
            sessionId,
            clientId: client.dbId,
            scopes: granted.join(" "),
            refreshHash: token.refreshToken ? hashSecret(token.refreshToken) : null,
            refreshExpiresAt: token.refreshTokenExpiresAt ?? null,
            family: user.family ?? sessionId,
            grantType: ctx.grantType,
          },
        });
      });
      return { ...token, scope: granted.length > 0 ? granted : [DEFAULT_SCOPE], client, user };
    },

    async getRefreshToken(refreshToken) {
      const row = await db.oAuthToken.findUnique({
        where: { refreshHash: hashSecret(refreshToken) },
        include: { session: { select: { tenantId: true, userId: true, revokedAt: true } }, client: { select: { clientId: true } } },
      });
      // Another client's refresh token (another tenant's, say) answers as one that does not exist, and
      // touches nothing; the library's own check would tell "issued to another client" (issue #15).
      if (!row || row.client.clientId !== authenticated) return null;
      if (row.refreshUsedAt) {
        // A used refresh token presented again: someone holds a copy. End every token of the grant.
        await revokeFamily(db, row.session.tenantId, row.family, "refresh token reused");
        return null;
      }
      if (row.session.revokedAt) return null;
      const user = await userById(row.session.tenantId, row.session.userId);
      if (!user) return null;
      return {
        refreshToken,
        refreshTokenExpiresAt: row.refreshExpiresAt ?? undefined,
        scope: parseScopes(row.scopes),
        client: { id: row.client.clientId, grants: [] },
        user: { ...user, family: row.family },
        sessionId: row.sessionId,
      };
    },

    // Rotation: the old refresh token is spent and its access token ends, as in WSO2.
    async revokeToken(token) {
      const sessionId = token.sessionId as string;
      return db.$transaction(async (tx) => {
        const { count } = await tx.oAuthToken.updateMany({
          where: { sessionId, refreshUsedAt: null },
          data: { refreshUsedAt: new Date() },
        });
        if (count !== 1) return false;
        await revokeSessionById(tx, (token.user as GrantUser).tenantId, sessionId, "refreshed");
        return true;
      });
    },

    async getAccessToken() {
      return null;
    },
  };
}
