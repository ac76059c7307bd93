/**
 * POST /oauth2/token: @node-oauth/oauth2-server runs the password, client_credentials and
 * refresh_token grants (client authentication by Basic or client_secret_post, parameter checks,
 * RFC 6749 error answers); grantModel stores what it issues.
 */
import OAuth2Server from "@node-oauth/oauth2-server";
import { getConfig } from "../config/current.ts";
import { db } from "../db/client.ts";
import { clientIp } from "../http/client-address.ts";
import { readForm } from "./form.ts";
import { fetchResponse, libraryRequest } from "./library.ts";
import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SECONDS } from "./lifetimes.ts";
import { grantModel, ThrottledError } from "./model.ts";

export async function tokenEndpoint(request: Request): Promise<Response> {
  const read = await readForm(request);
  if (!read.ok) return read.response;
  const headers = Object.fromEntries(request.headers.entries());
  const model = grantModel({
    db: db(),
    config: getConfig(),
    grantType: read.form.fields.grant_type ?? "",
    ip: clientIp(headers),
    userAgent: headers["user-agent"] ?? "",
  });
  const server = new OAuth2Server({
    model,
    accessTokenLifetime: ACCESS_TOKEN_SECONDS,
    refreshTokenLifetime: REFRESH_TOKEN_SECONDS,
    alwaysIssueNewRefreshToken: true,
  });
  const response = new OAuth2Server.Response({ headers: {} });
  try {
    await server.token(libraryRequest(request, read.form), response);
  } catch (error) {
    // The library has already written the RFC 6749 error answer into `response`.
    if (!(error instanceof OAuth2Server.OAuthError)) throw error;
    if (error instanceof ThrottledError) response.set("retry-after", String(error.retryAfterSeconds));
  }
  return fetchResponse(response);
}
