import { signInWithPassword } from "../auth/sign-in.ts";
import { getConfig } from "../config/current.ts";
import { db } from "../db/client.ts";
import { clientIp } from "../http/client-address.ts";
import { resolveSession } from "../sessions/resolve-session.ts";
import { revokeSessionById } from "../sessions/revoke-session.ts";
import { sessionIdFor } from "../sessions/secret.ts";
import type { BasicResolver } from "../transport/route.ts";
import { parseBasicAuth } from "./basic-auth.ts";

/**
 * HTTP Basic on each call, as WSO2 Identity Server's REST APIs take it (`curl -u admin:admin`):
 * the credentials go through signInWithPassword, like /management/login (rate limit, lockout,
 * tenant, audit), into an "api" session that lives for this one request and is ended after it.
 */
export const resolveBasicCredentials: BasicResolver = async (authorization, request) => {
  const credentials = parseBasicAuth(authorization);
  if (!credentials || "refused" in credentials) return null;
  const headers = Object.fromEntries(request.headers.entries());
  const config = getConfig();
  const input = { ...credentials, kind: "api" as const, ip: clientIp(headers), userAgent: headers["user-agent"] ?? "" };
  const result = await signInWithPassword(db(), config, input);
  if (!result.ok) return result.retryAfterSeconds ? { retryAfterSeconds: result.retryAfterSeconds } : null;
  const end = async () => {
    await revokeSessionById(db(), result.tenantId, sessionIdFor(result.sessionSecret), "request answered");
  };
  const idleMinutes = config.session.api_idle_timeout_minutes ?? config.session.idle_timeout_minutes;
  const principal = await resolveSession(db(), result.sessionSecret, { idleTimeoutMs: idleMinutes * 60_000 });
  if (principal) return { principal, end };
  await end();
  return null;
};
