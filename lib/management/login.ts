import { recordAudit } from "../audit/record.ts";
import { signInWithPassword } from "../auth/sign-in.ts";
import type { Principal } from "../authz/principal.ts";
import { getConfig } from "../config/current.ts";
import { splitTenantName } from "../core/tenant.ts";
import { db } from "../db/client.ts";
import { revokeSessionById } from "../sessions/revoke-session.ts";
import type { BasicCredentials } from "./basic-auth.ts";
import { bootstrapFirstAdmin } from "./bootstrap-admin.ts";
import { issueManagementToken } from "./token.ts";

// /management/login and /logout take credentials, not a session, so they are plain handlers;
// these are their database work, which the handlers map onto the MI's answers.

export type LoginOutcome =
  /** `tenant`: the domain signed in to, so a client can say which tenant its token acts in. */
  | { ok: true; token: string; tenant: string }
  /** The first admin's bootstrap refused the password (a 400, with the reason). */
  | { ok: false; refused: string }
  /** The rate limit refused the attempt before any check. */
  | { ok: false; retryAfterSeconds: number }
  /** Any other failure: one answer for all, as sign-in gives; the audit log has the reason. */
  | { ok: false };

/** An "api" session for Basic credentials and its signed token; the first login may create the admin (bootstrap-admin.ts). */
export async function managementLogin(credentials: BasicCredentials, ip: string, userAgent: string): Promise<LoginOutcome> {
  const config = getConfig();
  const bootstrap = await bootstrapFirstAdmin(db(), config, credentials, ip);
  if (typeof bootstrap === "object") return { ok: false, refused: bootstrap.refused };
  const result = await signInWithPassword(db(), config, { ...credentials, kind: "api", ip, userAgent });
  if (!result.ok) return result.retryAfterSeconds ? { ok: false, retryAfterSeconds: result.retryAfterSeconds } : { ok: false };
  const expiresAt = new Date(Date.now() + config.session.absolute_timeout_hours * 3_600_000);
  // Sign-in found the tenant by this same split, so the name says which one the session is in.
  const { tenant } = splitTenantName(credentials.username.trim(), config.tenant_mgt.enable_email_domain);
  return { ok: true, token: await issueManagementToken(result.sessionSecret, expiresAt), tenant };
}

/** Ends the session behind a management token, with its audit event; an already ended one is left as it is. */
export async function managementLogout(principal: Principal, ip: string): Promise<void> {
  await db().$transaction(async (tx) => {
    if (!(await revokeSessionById(tx, principal.tenantId, principal.sessionId, "logged out"))) return;
    await recordAudit(tx, {
      tenantId: principal.tenantId,
      actor: { id: principal.userId, name: principal.displayName },
      action: "auth.signed_out",
      target: { type: "session", id: principal.sessionId.slice(0, 12), name: "api" },
      ip,
    });
  });
}
