import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { mayHoldSession } from "../authz/decide.ts";
import { loadSubjectRoles } from "../authz/principal.ts";
import { splitTenantName } from "../core/tenant.ts";
import { createSession } from "../sessions/create-session.ts";
import { splitQualifiedName } from "../core/domains.ts";
import { userStoreByDomain } from "../user-stores/user-store-for.ts";
import type { LoginAccount, UserStore } from "../user-stores/user-store.ts";
import { AppError } from "../errors.ts";
import { auditFailure, clearFailures, releaseAttempt, reserveAttempt, settleFailure, type Attempt } from "./attempts.ts";
import { verifyPassword } from "./password.ts";
import { takePasswordCheck } from "./rate-limit.ts";

// `lifetimeMs` overrides the session lifetime: an OAuth2 grant lives as long as its refresh token.
export type SignInInput = {
  username: string;
  password: string;
  kind: "console" | "api" | "oauth";
  ip?: string;
  userAgent?: string;
  lifetimeMs?: number;
};
// `retryAfterSeconds` is set only when the rate limit refused the attempt before any check.
export type SignInResult =
  { ok: true; userId: number; tenantId: number; sessionSecret: string } | { ok: false; retryAfterSeconds?: number };

/**
 * Checks a username and password against the user store and opens a session. Every failure
 * looks the same to the caller, so nobody can learn whether an account exists or is locked;
 * the audit log records the real reason. Only the rate limit answers differently, as it
 * depends on the caller's address and not on the account. The name may end in "@tenant"
 * (lib/core/tenant.ts); the audit event then goes to that tenant's log.
 */
export async function signInWithPassword(client: Db, config: TGatehouseConfig, input: SignInInput): Promise<SignInResult> {
  const address = input.ip ?? "";
  const pass = await takePasswordCheck(client, config, address);
  if (!pass.ok) return { ok: false, retryAfterSeconds: pass.retryAfterSeconds };

  const now = new Date();
  // "name@tenant" as WSO2 reads it; a deactivated tenant's users are refused like unknown ones.
  const named = splitTenantName(input.username.trim(), config.tenant_mgt.enable_email_domain);
  const tenant = await client.tenant.findUnique({ where: { domain: named.tenant }, select: { id: true, active: true } });
  const found = !tenant
    ? { refused: "unknown user" }
    : tenant.active
      ? await findAccount(client, tenant.id, named.name)
      : { refused: "tenant deactivated" };
  if (!tenant || "refused" in found) {
    await verifyPassword(null, input.password);
    const unknown = { userId: null, username: input.username, ip: input.ip };
    if (tenant && "refused" in found) await auditFailure(client, { ...unknown, tenantId: tenant.id }, found.refused, input.kind);
    return { ok: false };
  }

  const { users, account: user } = found;
  const attempt: Attempt = { tenantId: tenant.id, userId: user.id, username: input.username, address, ip: input.ip };
  const reserved = await reserveAttempt(client, config.lockout, attempt, now);
  if (reserved !== true) {
    // Same hashing time as a real check, so the answer's timing does not reveal the lock.
    await verifyPassword(null, input.password);
    await auditFailure(client, attempt, reserved, input.kind);
    return { ok: false };
  }
  const checked = await users.authenticate(user, input.password).catch(async (error: unknown) => {
    // The directory did not answer: no guess was checked, so the attempt is given back.
    if (!isStoreUnavailable(error)) throw error;
    await releaseAttempt(client, attempt, `user store unavailable: ${error.message}`, input.kind);
    return null;
  });
  if (!checked) return { ok: false };
  if (!checked.ok) {
    await settleFailure(client, config.lockout, attempt, now, input.kind);
    return { ok: false };
  }
  await pass.giveBack();

  if (!mayHoldSession(input.kind, (await loadSubjectRoles(client, tenant.id, user.id)).grants)) {
    await client.$transaction(async (tx) => {
      await clearFailures(tx, attempt);
      await auditFailure(tx, attempt, "no login permission", input.kind);
    });
    return { ok: false };
  }

  const lifetimeMs = input.lifetimeMs ?? config.session.absolute_timeout_hours * 3_600_000;
  const session = await client.$transaction(async (tx) => {
    await clearFailures(tx, attempt, now);
    if (checked.rehash) await users.rehash(tx, tenant.id, user.id, checked.rehash);
    const opened = await createSession(tx, {
      tenantId: tenant.id,
      userId: user.id,
      kind: input.kind,
      lifetimeMs,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: user.id, name: input.username },
      action: "auth.signed_in",
      target: { type: "session", id: opened.id.slice(0, 12), name: input.kind },
      ip: input.ip,
    });
    return opened;
  });
  return { ok: true, userId: user.id, tenantId: tenant.id, sessionSecret: session.secret };
}

/**
 * The account a sign-in names, looked up in the user store its domain names, or why there is
 * none (for the audit log only: the caller's answer is the same whatever the reason). An
 * external directory that does not answer is such a reason, not an error page.
 */
async function findAccount(
  client: Db,
  tenantId: number,
  qualified: string,
): Promise<{ users: UserStore; account: LoginAccount } | { refused: string }> {
  const { domain, name } = splitQualifiedName(qualified.trim());
  const found = await userStoreByDomain(client, tenantId, domain);
  if (!found) return { refused: "unknown user" };
  if (found.store.enabled === false) return { refused: "user store disabled" };
  try {
    const account = await found.users.findLogin(client, tenantId, found.store, name);
    return account ? { users: found.users, account } : { refused: "unknown user" };
  } catch (error) {
    if (isStoreUnavailable(error)) return { refused: `user store unavailable: ${error.message}` };
    throw error;
  }
}

function isStoreUnavailable(error: unknown): error is AppError {
  return error instanceof AppError && error.code === "STORE_UNAVAILABLE";
}
