import crypto from "node:crypto";
import type { BearerResolver } from "../transport/route.ts";
import { authSecret } from "../auth/secret.ts";
import { getConfig } from "../config/current.ts";
import { db } from "../db/client.ts";
import { resolveSession } from "../sessions/resolve-session.ts";

// The token carries the session secret, so the server-side row decides; the signature and the
// embedded expiry let a forged or stale token be refused before any database work.
const PREFIX = "gh1";

function sign(body: string, key: string): string {
  return crypto.createHmac("sha256", key).update(body).digest("base64url");
}

/** `gh1.<session secret>.<expiry, unix seconds>.<HMAC-SHA256>`, signed with the installation's key. */
export async function issueManagementToken(sessionSecret: string, expiresAt: Date): Promise<string> {
  const body = `${PREFIX}.${sessionSecret}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${body}.${sign(body, await authSecret())}`;
}

/** The session secret inside a well-signed, unexpired token, or null. */
export async function verifyManagementToken(token: string, now = new Date()): Promise<string | null> {
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const [, secret, exp, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${PREFIX}.${secret}.${exp}`, await authSecret()));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(exp) || Number(exp) * 1000 <= now.getTime()) return null;
  return secret;
}

/** Bearer tokens from POST /management/login: only "api" sessions, so a console session never doubles as one. */
export const resolveManagementToken: BearerResolver = async (token) => {
  const secret = await verifyManagementToken(token);
  if (!secret) return null;
  const { session } = getConfig();
  const idleMinutes = session.api_idle_timeout_minutes ?? session.idle_timeout_minutes;
  const principal = await resolveSession(db(), secret, { idleTimeoutMs: idleMinutes * 60_000 });
  return principal?.sessionKind === "api" ? principal : null;
};
