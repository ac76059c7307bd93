/**
 * Access tokens are JWTs signed with the installation's ES256 key. `jti` is the random secret
 * of the token's Session row (the row is keyed by its SHA-256, as every session is), so the
 * server-side row decides on every request and a database dump cannot be replayed.
 */
import * as jose from "jose";
import type { Db } from "../db/client.ts";
import { ALG, signingKey } from "./keys.ts";

export const ISSUER = "gatehouse";

export type AccessClaims = { secret: string; subject: string; clientId: string; scopes: string; expiresAt: Date };

export async function signAccessToken(client: Db, claims: AccessClaims): Promise<string> {
  const key = await signingKey(client);
  return new jose.SignJWT({ scope: claims.scopes, client_id: claims.clientId, azp: claims.clientId })
    .setProtectedHeader({ alg: ALG, kid: key.kid, typ: "at+jwt" })
    .setIssuer(ISSUER)
    .setSubject(claims.subject)
    .setAudience(claims.clientId)
    .setJti(claims.secret)
    .setIssuedAt()
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(key.privateKey);
}

export type VerifiedAccessToken = { secret: string; clientId: string; exp: number; iat: number };

/** The claims of a well-signed, unexpired access token of ours, or null. */
export async function verifyAccessToken(client: Db, token: string): Promise<VerifiedAccessToken | null> {
  const key = await signingKey(client);
  try {
    const { payload } = await jose.jwtVerify(token, key.publicJwk, { issuer: ISSUER, algorithms: [ALG], typ: "at+jwt" });
    if (typeof payload.jti !== "string" || typeof payload.client_id !== "string" || !payload.exp || !payload.iat) return null;
    return { secret: payload.jti, clientId: payload.client_id, exp: payload.exp, iat: payload.iat };
  } catch {
    return null;
  }
}
