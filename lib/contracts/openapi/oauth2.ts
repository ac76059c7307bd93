/** The operations of public/openapi/oauth2.json (`npm run openapi` writes it). */
import { ZApimError } from "../apim-admin.ts";
import * as O from "../oauth2.ts";
import type { ApiDocument, ApiResponse } from "./build.ts";

const apim = (description: string): ApiResponse => ({ description, schema: ZApimError });
const oauth = (description: string): ApiResponse => ({ description, schema: O.ZOAuthError });
// Client credentials go in Basic or in the form (client_secret_post).
const clientAuth: Record<string, string[]>[] = [{ clientBasic: [] }, {}];
const form = "application/x-www-form-urlencoded" as const;

export const oauth2Api: ApiDocument = {
  info: {
    title: "Gatehouse OAuth2 and client registration",
    version: "1.0.0",
    description:
      "WSO2's script flow: register a client with DCR (user Basic auth), get a token from /oauth2/token, " +
      "call the APIM admin API with it. Tokens are ES256 JWTs; their scopes are what the Role Permissions " +
      "page grants the user. See docs/oauth2.md.",
  },
  servers: [{ url: "/" }],
  securitySchemes: {
    basic: { type: "http", scheme: "basic", description: "A user's username and password" },
    clientBasic: { type: "http", scheme: "basic", description: "clientId:clientSecret from DCR" },
  },
  schemas: {
    RegistrationRequest: O.ZRegisterClient,
    RegisteredClient: O.ZRegisteredClient,
    TokenRequest: O.ZTokenRequest,
    TokenOnly: O.ZTokenOnly,
    TokenResponse: O.ZTokenResponse,
    OAuthError: O.ZOAuthError,
    ApimError: ZApimError,
    Introspection: O.ZIntrospection,
    Jwks: O.ZJwks,
  },
  paths: {
    "/client-registration/v0.17/register": {
      post: {
        summary: "Register an OAuth2 client (WSO2 DCR v0.17)",
        description:
          "The registering user owns the client and gets the role Application/<clientName>. Registering the " +
          "same name again as its owner answers the same clientId with a new clientSecret.",
        security: [{ basic: [] }],
        body: O.ZRegisterClient,
        responses: {
          200: { description: "The client. The secret is shown only here.", schema: O.ZRegisteredClient },
          400: apim("Malformed body or no supported grant type"),
          401: apim("Missing or wrong credentials"),
          403: apim("owner is not the authenticated user"),
          409: apim("Another user's client has this name, or an Application role does"),
          413: apim("Body larger than 16 KiB"),
          429: apim("Too many sign-in attempts from this address"),
        },
      },
      delete: {
        summary: "Delete a client: its tokens end and its Application role is removed",
        security: [{ basic: [] }],
        query: O.ZDeleteClient,
        responses: {
          200: { description: "Deleted" },
          400: apim("Neither parameter given"),
          401: apim("Missing or wrong credentials"),
          404: apim("No such client owned by the caller (holders of the admin role may delete any)"),
          429: apim("Too many sign-in attempts"),
        },
      },
    },
    "/oauth2/token": {
      post: {
        summary: "Token endpoint (RFC 6749): password, client_credentials, refresh_token",
        description:
          "Client authentication by HTTP Basic or client_secret_post. A requested scope is granted only when " +
          "one of the user's roles, or a role aliased to one, is mapped to it; when none is granted the " +
          'answer\'s scope is "default".',
        security: clientAuth,
        body: O.ZTokenRequest,
        bodyType: form,
        responses: {
          200: { description: "Issued", schema: O.ZTokenResponse },
          400: oauth("invalid_request, invalid_grant, invalid_scope, unsupported_grant_type, unauthorized_client"),
          401: oauth("invalid_client (with WWW-Authenticate when Basic was used)"),
          429: oauth("temporarily_unavailable: too many sign-in attempts; see Retry-After"),
          503: oauth("server_error"),
        },
      },
    },
    "/oauth2/revoke": {
      post: {
        summary: "Revoke an access or refresh token (RFC 7009)",
        security: clientAuth,
        body: O.ZTokenOnly,
        bodyType: form,
        responses: {
          200: { description: "Revoked, or nothing to revoke (unknown, expired, or another client's token)" },
          400: oauth("Malformed request"),
          401: oauth("invalid_client"),
        },
      },
    },
    "/oauth2/introspect": {
      post: {
        summary: "Introspect a token (RFC 7662), for the client it was issued to",
        security: clientAuth,
        body: O.ZTokenOnly,
        bodyType: form,
        responses: {
          200: { description: "The token's state now: scope is re-evaluated against the current mapping", schema: O.ZIntrospection },
          400: oauth("Malformed request"),
          401: oauth("invalid_client"),
        },
      },
    },
    "/oauth2/jwks": {
      get: {
        summary: "The public key that signs access tokens",
        security: [],
        responses: { 200: { description: "JSON Web Key Set", schema: O.ZJwks } },
      },
    },
  },
};
