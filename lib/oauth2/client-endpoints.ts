/** The edges of /oauth2/revoke (RFC 7009) and /oauth2/introspect (RFC 7662): a form, an authenticated client, one call. */
import { db } from "../db/client.ts";
import { clientIp } from "../http/client-address.ts";
import { authenticateClient } from "./client-auth.ts";
import { oauthError, readForm } from "./form.ts";
import { introspectToken } from "./introspect-token.ts";
import { revokeToken } from "./revoke-token.ts";

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

async function withToken(
  request: Request,
  act: (token: string, caller: Exclude<Awaited<ReturnType<typeof authenticateClient>>, Response>) => Promise<Response>,
): Promise<Response> {
  const read = await readForm(request);
  if (!read.ok) return read.response;
  const caller = await authenticateClient(db(), request, read.form);
  if (caller instanceof Response) return caller;
  const token = read.form.fields.token;
  if (!token) return oauthError(400, "invalid_request", "Missing parameter: `token`");
  return act(token, caller);
}

export function revokeEndpoint(request: Request): Promise<Response> {
  return withToken(request, async (token, caller) => {
    await revokeToken(db(), caller, token, clientIp(Object.fromEntries(request.headers.entries())));
    return new Response(null, { status: 200, headers: NO_STORE });
  });
}

export function introspectEndpoint(request: Request): Promise<Response> {
  return withToken(request, async (token, caller) => Response.json(await introspectToken(db(), caller, token), { headers: NO_STORE }));
}
