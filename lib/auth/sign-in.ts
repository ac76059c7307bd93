import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db, Tx } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { LOGIN_PERMISSION } from "../authz/features.ts";
import { loadSubjectRoles } from "../authz/principal.ts";
import { holds } from "../permissions/paths.ts";
import { SUPER_TENANT } from "../provisioning/defaults.ts";
import { createSession } from "../sessions/create-session.ts";
import { nameKey, splitQualifiedName } from "../stores/domains.ts";
import { isLocked, lockDurationMs, windowOpen } from "./lockout.ts";
import { hashPassword, needsRehash, verifyPassword } from "./password.ts";

export type SignInInput = { username: string; password: string; kind: "console" | "api"; ip?: string; userAgent?: string };
export type SignInResult = { ok: true; userId: number; tenantId: number; sessionSecret: string } | { ok: false };

type Outcome = "unknown user" | "locked" | "wrong password" | "no login permission";

/**
 * Checks a username and password against the user store and opens a session. Every failure
 * looks the same to the caller, so nobody can learn whether an account exists or is locked;
 * the audit log records the real reason.
 */
export async function signInWithPassword(client: Db, config: TGatehouseConfig, input: SignInInput): Promise<SignInResult> {
  const now = new Date();
  const tenant = await client.tenant.findUnique({ where: { domain: SUPER_TENANT }, select: { id: true } });
  const user = tenant ? await findUser(client, tenant.id, input.username) : null;
  if (!tenant || !user) {
    await verifyPassword(null, input.password);
    if (tenant) await audit(client, tenant.id, null, input, "unknown user");
    return { ok: false };
  }

  const locked = isLocked(user, now);
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (locked) {
    await audit(client, tenant.id, user.id, input, "locked");
    return { ok: false };
  }
  if (!passwordOk) {
    await registerFailure(client, config, tenant.id, user.id, input, now);
    return { ok: false };
  }

  const subject = await loadSubjectRoles(client, tenant.id, user.id);
  if (!holds(subject.grants, LOGIN_PERMISSION)) {
    await audit(client, tenant.id, user.id, input, "no login permission");
    return { ok: false };
  }

  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(input.password) : undefined;
  const lifetimeMs = config.session.absolute_timeout_hours * 3_600_000;
  const session = await client.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedAttempts: 0, lockCount: 0, lockedUntil: null, ...(rehashed ? { passwordHash: rehashed } : {}) },
    });
    const opened = await createSession(tx, { tenantId: tenant.id, userId: user.id, kind: input.kind, lifetimeMs, ip: input.ip, userAgent: input.userAgent });
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

async function findUser(client: Db, tenantId: number, qualified: string) {
  const { domain, name } = splitQualifiedName(qualified.trim());
  return client.user.findFirst({
    where: { tenantId, usernameKey: nameKey(name), store: { domain: { in: [domain, domain.toUpperCase()] } } },
    select: { id: true, passwordHash: true, lockedUntil: true, failureWindowStart: true, failuresInWindow: true },
  });
}

/** Counts a failure and locks the account when the count reaches the limit. Row-level increments keep concurrent failures from being lost. */
async function registerFailure(client: Db, config: TGatehouseConfig, tenantId: number, userId: number, input: SignInInput, now: Date) {
  const lockout = config.lockout;
  await client.$transaction(async (tx) => {
    const counted = await tx.user.update({
      where: { id: userId },
      data: { failedAttempts: { increment: 1 }, failuresInWindow: { increment: 1 } },
      select: { failedAttempts: true, failureWindowStart: true, lockCount: true },
    });
    if (!windowOpen(counted.failureWindowStart, now)) {
      await tx.user.update({ where: { id: userId }, data: { failureWindowStart: now, failuresInWindow: 1 } });
    }
    await audit(tx, tenantId, userId, input, "wrong password");
    if (!lockout.enabled || counted.failedAttempts < lockout.max_failed_attempts) return;
    const lockedUntil = new Date(now.getTime() + lockDurationMs(lockout, counted.lockCount));
    await tx.user.update({ where: { id: userId }, data: { lockedUntil, failedAttempts: 0, lockCount: { increment: 1 } } });
    await recordAudit(tx, {
      tenantId,
      actor: { id: null, name: "system" },
      action: "auth.account_locked",
      target: { type: "user", id: userId, name: input.username },
      after: { lockedUntil: lockedUntil.toISOString(), lock: counted.lockCount + 1 },
      ip: input.ip,
    });
  });
}

function audit(client: Pick<Tx, "auditEvent">, tenantId: number, userId: number | null, input: SignInInput, outcome: Outcome) {
  return recordAudit(client, {
    tenantId,
    actor: { id: userId, name: input.username.slice(0, 200) },
    action: "auth.sign_in_failed",
    target: { type: userId ? "user" : "unknown", id: userId, name: input.username.slice(0, 200) },
    after: { reason: outcome, via: input.kind },
    ip: input.ip,
  });
}
