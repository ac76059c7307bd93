import { clientIp } from "@/lib/http/client-address";
import { throttledMessage } from "@/lib/auth/throttled";
import { parseBasicAuth } from "@/lib/management/basic-auth";
import { BASIC_CHALLENGE, miErrorResponse } from "@/lib/management/errors";
import { managementLogin } from "@/lib/management/login";

// One message for every failure, as sign-in itself does: the audit log has the real reason.
const REFUSED = "The username or password is not correct, or the account may not sign in.";
const challenge = { "www-authenticate": BASIC_CHALLENGE };

/**
 * MI: GET/POST /management/login with HTTP Basic answers {"AccessToken": "..."}, bound to an
 * "api" session, and Gatehouse's "Tenant" (the domain signed in to; apictl ignores it). Any active user of a store may log in, as in the MI; what the token can do is
 * decided per call. With create_admin_account = false, the first login may create the admin.
 */
export async function POST(request: Request): Promise<Response> {
  const credentials = parseBasicAuth(request.headers.get("authorization"));
  if (!credentials) return miErrorResponse(401, "Send the username and password with HTTP Basic authentication.", challenge);
  if ("refused" in credentials) return miErrorResponse(400, credentials.refused);
  const ip = clientIp(Object.fromEntries(request.headers.entries()));
  const outcome = await managementLogin(credentials, ip, request.headers.get("user-agent") ?? "");
  if (outcome.ok)
    return Response.json({ AccessToken: outcome.token, Tenant: outcome.tenant }, { headers: { "cache-control": "no-store" } });
  if ("refused" in outcome) return miErrorResponse(400, outcome.refused);
  if ("retryAfterSeconds" in outcome) return throttled(outcome.retryAfterSeconds);
  return miErrorResponse(401, REFUSED, challenge);
}

function throttled(retryAfterSeconds: number): Response {
  return miErrorResponse(429, throttledMessage(retryAfterSeconds), { "retry-after": String(retryAfterSeconds) });
}

// apictl's `mi login` sends GET (credentials/miCredentials.go, GetOAuthAccessTokenForMI).
export const GET = POST;
