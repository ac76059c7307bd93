// Drives the OAuth2 and DCR route handlers the way WSO2's documented curl flow does, checking
// every answer against public/openapi/oauth2.json.
import { POST as introspect } from "../app/oauth2/introspect/route.ts";
import { GET as jwks } from "../app/oauth2/jwks/route.ts";
import { POST as revoke } from "../app/oauth2/revoke/route.ts";
import { POST as token } from "../app/oauth2/token/route.ts";
import { DELETE as unregister, POST as register } from "../app/client-registration/v0.17/register/route.ts";
import type { z } from "zod";
import type { ZRegisteredClient, ZTokenResponse } from "../lib/contracts/oauth2.ts";
import { basic } from "./management-client.ts";
import { OpenApiDocument } from "./openapi.ts";
import { callRoute } from "./route-harness.ts";

export const ORIGIN = "http://localhost:3000";
export const oauthOpenapi = new OpenApiDocument("public/openapi/oauth2.json");
export { basic };

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const asHandler =
  (f: (request: Request) => Promise<Response>): Handler =>
  (request) =>
    f(request);

async function checked(handler: Handler, template: string, request: Request): Promise<Response> {
  const response = await callRoute(handler, request, {});
  await oauthOpenapi.assertResponse(template, request.method, response);
  return response;
}

export type Registered = z.output<typeof ZRegisteredClient>;

/** `curl -X POST -H "Authorization: Basic …" -H "Content-Type: application/json" -d @payload.json …/client-registration/v0.17/register` */
export function dcr(authorization: string, body: unknown): Promise<Response> {
  const request = new Request(`${ORIGIN}/client-registration/v0.17/register`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return checked(asHandler(register), "/client-registration/v0.17/register", request);
}

export function dcrDelete(authorization: string, query: string): Promise<Response> {
  const request = new Request(`${ORIGIN}/client-registration/v0.17/register?${query}`, { method: "DELETE", headers: { authorization } });
  return checked(asHandler(unregister), "/client-registration/v0.17/register", request);
}

function form(path: string, fields: Record<string, string>, headers: Record<string, string>): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export const clientAuth = (c: { clientId: string; clientSecret: string }) => ({ authorization: basic(c.clientId, c.clientSecret) });

/** `curl -d "grant_type=password&username=…&password=…&scope=…" -H "Authorization: Basic <client>" …/oauth2/token` */
export function tokenCall(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return checked(asHandler(token), "/oauth2/token", form("/oauth2/token", fields, headers));
}

/**
 * A password-grant client registered for `user` (DCR), and a function that asks it for a token
 * with the given scopes: the Authorization header value, `Bearer …`.
 */
export async function passwordGrantTokens(user: { username: string; password: string }, clientName: string) {
  const app = (await (
    await dcr(basic(user.username, user.password), { clientName, owner: user.username, grantType: "password", saasApp: true })
  ).json()) as Registered;
  return async (scope: string) => {
    const answer = await tokenCall({ grant_type: "password", username: user.username, password: user.password, scope }, clientAuth(app));
    return `Bearer ${((await answer.json()) as { access_token: string }).access_token}`;
  };
}

export function rawTokenCall(request: Request): Promise<Response> {
  return checked(asHandler(token), "/oauth2/token", request);
}

export function revokeCall(fields: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  return checked(asHandler(revoke), "/oauth2/revoke", form("/oauth2/revoke", fields, headers));
}

export async function introspectCall(fields: Record<string, string>, headers: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await checked(asHandler(introspect), "/oauth2/introspect", form("/oauth2/introspect", fields, headers));
  if (response.status !== 200) throw new Error(`introspect answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

export function jwksCall(): Promise<Response> {
  return checked(
    asHandler(() => jwks()),
    "/oauth2/jwks",
    new Request(`${ORIGIN}/oauth2/jwks`),
  );
}

export type TokenAnswer = z.output<typeof ZTokenResponse>;
