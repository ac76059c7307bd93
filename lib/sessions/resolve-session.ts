import type { Db } from "../db/client.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { bool, date, dateOrNull, int, readRows, text, type RawRow } from "../db/raw-read.ts";
import { sql } from "../db/sql.ts";
import { mayHoldSession } from "../authz/decide.ts";
import type { Principal } from "../authz/principal.ts";
import { cachedSubjectRoles } from "../authz/subject-cache.ts";
import { qualifiedName } from "../core/domains.ts";
import { sessionIdFor } from "./secret.ts";

// Writing lastSeenAt on every request would turn every read into a write; a minute of
// slack on a 15-minute idle timeout is not worth that cost.
const TOUCH_INTERVAL_MS = 60_000;

export type SessionPolicy = { idleTimeoutMs: number };

/**
 * Turns a session secret into a principal, or null when the session is unknown, revoked,
 * expired, idle for too long, or its user is disabled or may no longer sign in. Runs on every request, so
 * revocations and permission changes take effect on the very next one.
 *
 * One statement per request on a warm cache: the session, its user, the user's store (domain,
 * enabled), the tenant (active) and its authorization version, by the session's primary key. The roles and grants
 * come from a cross-request cache keyed by that version (lib/authz/subject-cache.ts).
 */
export async function resolveSession(client: Db, secret: string, policy: SessionPolicy, now = new Date()): Promise<Principal | null> {
  const id = sessionIdFor(secret);
  const [session] = await readRows(
    client,
    sql`
    SELECT s."tenantId", s."kind", s."lastSeenAt", s."expiresAt", s."revokedAt",
           u."id" AS "userId", u."username", u."mustChangePassword", u."disabledAt", st."domain", st."enabled" AS "storeEnabled", v."version" AS "authzVersion",
           t."active" AS "tenantActive", t."domain" AS "tenantDomain"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    JOIN "UserStore" st ON st."id" = u."storeId"
    JOIN "Tenant" t ON t."id" = s."tenantId"
    LEFT JOIN "AuthzVersion" v ON v."tenantId" = s."tenantId"
    WHERE s."id" = ${id}`,
    sessionRow,
  );
  if (!session || session.revokedAt) return null;
  // A deactivated tenant's users, a disabled store's users, and a disabled user, are signed out: their sessions end at their
  // next request. Disabling revokes the rows too; this covers a session opened in the race.
  if (!session.storeEnabled || session.disabled || !session.tenantActive) {
    const reason = !session.tenantActive ? "tenant deactivated" : session.disabled ? "user disabled" : "user store disabled";
    await client.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
    return null;
  }
  const expiresAt = session.expiresAt;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (expiresAt <= now || idleFor >= policy.idleTimeoutMs) {
    const reason = expiresAt <= now ? "expired" : "idle timeout";
    await client.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
    return null;
  }
  const { tenantId, userId, authzVersion } = session;
  const subject = await cachedSubjectRoles(client, tenantId, userId, authzVersion);
  const kind = session.kind === "api" || session.kind === "oauth" ? session.kind : "console";
  if (!mayHoldSession(kind, subject.grants)) return null;
  if (idleFor >= TOUCH_INTERVAL_MS) {
    await client.session.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    userId,
    tenantId,
    tenantDomain: session.tenantDomain,
    superTenant: session.tenantDomain === SUPER_TENANT,
    username: session.username,
    displayName: qualifiedName(session.domain, session.username),
    sessionId: id,
    sessionKind: kind,
    mustChangePassword: session.mustChangePassword,
    authzVersion,
    ...subject,
  };
}

/** The statement's row, typed explicitly: the drivers disagree on integer, boolean and date types. */
function sessionRow(r: RawRow) {
  return {
    tenantId: int(r.tenantId),
    kind: text(r.kind),
    lastSeenAt: date(r.lastSeenAt),
    expiresAt: date(r.expiresAt),
    revokedAt: dateOrNull(r.revokedAt),
    userId: int(r.userId),
    username: text(r.username),
    mustChangePassword: bool(r.mustChangePassword),
    disabled: dateOrNull(r.disabledAt) !== null,
    domain: text(r.domain),
    storeEnabled: bool(r.storeEnabled),
    tenantActive: bool(r.tenantActive),
    tenantDomain: text(r.tenantDomain),
    authzVersion: r.authzVersion === null || r.authzVersion === undefined ? 0 : int(r.authzVersion),
  };
}
