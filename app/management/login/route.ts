import { clientIp } from "@/lib/http/client-address";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { throttledMessage } from "@/lib/auth/throttled";
import { getConfig } from "@/lib/config/current";
import { db } from "@/lib/db/client";
import { parseBasicAuth } from "@/lib/management/basic-auth";
import { bootstrapFirstAdmin } from "@/lib/management/bootstrap-admin";
import { BASIC_CHALLENGE, miErrorResponse } from "@/lib/management/errors";
import { issueManagementToken } from "@/lib/management/token";

// One message for every failure, as sign-in itself does: the audit log has the real reason.
const REFUSED = "The username or password is not correct, or the account may not sign in.";
const challenge = { "www-authenticate": BASIC_CHALLENGE };

/**
 * MI: GET/POST /management/login with HTTP Basic answers {"AccessToken": "..."}, bound to an
 * "api" session. Any active user of a store may log in, as in the MI; what the token can do is
 * decided per call. With create_admin_account = false, the first login may create the admin.
 */
export async function POST(request: Request): Promise<Response> {
  const credentials = parseBasicAuth(request.headers.get("authorization"));
  if (!credentials) return miErrorResponse(401, "Send the username and password with HTTP Basic authentication.", challenge);
  if ("refused" in credentials) return miErrorResponse(400, credentials.refused);
  const config = getConfig();
  const ip = clientIp(Object.fromEntries(request.headers.entries()));
  const bootstrap = await bootstrapFirstAdmin(db(), config, credentials, ip);
  if (typeof bootstrap === "object") return miErrorResponse(400, bootstrap.refused);
  const result = await signInWithPassword(db(), config, {
    ...credentials,
    kind: "api",
    ip,
    userAgent: request.headers.get("user-agent") ?? "",
  });
  if (!result.ok && result.retryAfterSeconds) return throttled(result.retryAfterSeconds);
  if (!result.ok) return miErrorResponse(401, REFUSED, challenge);
  const expiresAt = new Date(Date.now() + config.session.absolute_timeout_hours * 3_600_000);
  return Response.json(
    { AccessToken: await issueManagementToken(result.sessionSecret, expiresAt) },
    { headers: { "cache-control": "no-store" } },
  );
}

function throttled(retryAfterSeconds: number): Response {
  return miErrorResponse(429, throttledMessage(retryAfterSeconds), { "retry-after": String(retryAfterSeconds) });
}

// apictl's `mi login` sends GET (credentials/miCredentials.go, GetOAuthAccessTokenForMI).
export const GET = POST;
