import { clientIp } from "@/lib/http/client-address";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { throttledMessage } from "@/lib/auth/throttled";
import { getConfig } from "@/lib/config/current";
import { db } from "@/lib/db/client";
import { parseBasicAuth } from "@/lib/management/basic-auth";
import { miErrorResponse } from "@/lib/management/errors";
import { issueManagementToken } from "@/lib/management/token";

// One message for every failure, as sign-in itself does: the audit log has the real reason.
const REFUSED = "The username or password is not correct, or the account may not sign in.";

/** MI: GET/POST /management/login with HTTP Basic answers {"AccessToken": "..."}, bound to an "api" session. */
export async function POST(request: Request): Promise<Response> {
  const credentials = parseBasicAuth(request.headers.get("authorization"));
  if (!credentials) return miErrorResponse(401, "Send the username and password with HTTP Basic authentication.");
  if ("refused" in credentials) return miErrorResponse(400, credentials.refused);
  const config = getConfig();
  const result = await signInWithPassword(db(), config, {
    ...credentials,
    kind: "api",
    ip: clientIp(Object.fromEntries(request.headers.entries())),
    userAgent: request.headers.get("user-agent") ?? "",
  });
  if (!result.ok && result.retryAfterSeconds) return throttled(result.retryAfterSeconds);
  if (!result.ok) return miErrorResponse(401, REFUSED);
  const expiresAt = new Date(Date.now() + config.session.absolute_timeout_hours * 3_600_000);
  return Response.json({ AccessToken: await issueManagementToken(result.sessionSecret, expiresAt) }, { headers: { "cache-control": "no-store" } });
}

function throttled(retryAfterSeconds: number): Response {
  const response = miErrorResponse(429, throttledMessage(retryAfterSeconds));
  response.headers.set("retry-after", String(retryAfterSeconds));
  return response;
}

// The MI's own CLI logs in with GET; scripts written for it keep working.
export const GET = POST;
