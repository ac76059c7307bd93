import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getConfig } from "../config/current.ts";
import { db } from "../db/client.ts";
import type { Principal } from "../authz/principal.ts";
import { resolveSession } from "../sessions/resolve-session.ts";
import { authSecret } from "./secret.ts";

/** next-auth's session cookie: the `__Secure-` name over HTTPS, the plain one over HTTP. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** The session secret (`sid`) the request's signed session cookie carries, or null. */
export async function cookieSessionSecret(): Promise<string | null> {
  const jar = await cookies();
  const token = SESSION_COOKIE_NAMES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return null;
  const payload = await decode({ token, secret: await authSecret() }).catch(() => null);
  return typeof payload?.sid === "string" ? payload.sid : null;
}

/** The signed-in console user for this request, or null. Resolved once per request, from the database. */
export const currentPrincipal = cache(async (): Promise<Principal | null> => {
  const sid = await cookieSessionSecret();
  if (!sid) return null;
  const idleTimeoutMs = getConfig().session.idle_timeout_minutes * 60_000;
  return resolveSession(db(), sid, { idleTimeoutMs });
});
