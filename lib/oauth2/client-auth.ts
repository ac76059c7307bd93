/**
 * Client authentication for /oauth2/revoke and /oauth2/introspect, through the library's own
 * code: TokenHandler reads Basic or client_secret_post credentials exactly as /oauth2/token
 * does; the secret is checked against its stored hash as grantModel.getClient does.
 */
import OAuth2Server from "@node-oauth/oauth2-server";
// @ts-expect-error: the handler ships without typings; only getClientCredentials is used.
import TokenHandler from "@node-oauth/oauth2-server/lib/handlers/token-handler.js";
import type { Db } from "../db/client.ts";
import type { Form } from "./form.ts";
import { oauthError } from "./form.ts";
import { libraryRequest } from "./library.ts";
import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SECONDS } from "./lifetimes.ts";
import { secretMatches } from "./secrets.ts";

export type AuthenticatedClient = { id: number; clientId: string; tenantId: number };

type CredentialReader = { getClientCredentials(request: OAuth2Server.Request): { clientId: string; clientSecret?: string } };

export async function authenticateClient(client: Db, request: Request, form: Form): Promise<AuthenticatedClient | Response> {
  const handler = new TokenHandler({
    model: { getClient: () => null },
    accessTokenLifetime: ACCESS_TOKEN_SECONDS,
    refreshTokenLifetime: REFRESH_TOKEN_SECONDS,
  }) as CredentialReader;
  const basic = request.headers.get("authorization") !== null;
  const refused = oauthError(
    401,
    "invalid_client",
    "Invalid client: client is invalid",
    basic ? { "www-authenticate": 'Basic realm="Service"' } : {},
  );
  let credentials: { clientId: string; clientSecret?: string };
  try {
    credentials = handler.getClientCredentials(libraryRequest(request, form));
  } catch {
    return refused;
  }
  const row = await client.oAuthClient.findUnique({ where: { clientId: credentials.clientId } });
  if (!row || !credentials.clientSecret || !secretMatches(credentials.clientSecret, row.secretHash)) return refused;
  return { id: row.id, clientId: row.clientId, tenantId: row.tenantId };
}
