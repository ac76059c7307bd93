import type { Db } from "../db/client.ts";
import { mayHoldSession } from "../authz/decide.ts";
import { loadSubjectRoles, type Principal } from "../authz/principal.ts";
import { qualifiedName } from "../core/domains.ts";
import { sessionIdFor } from "./secret.ts";

// Writing lastSeenAt on every request would turn every read into a write; a minute of
// slack on a 15-minute idle timeout is not worth that cost.
const TOUCH_INTERVAL_MS = 60_000;

export type SessionPolicy = { idleTimeoutMs: number };

/**
 * Turns a session secret into a principal, or null when the session is unknown, revoked,
 * expired, idle for too long, or its user may no longer sign in. Runs on every request, so
 * revocations and permission changes take effect on the very next one.
 */
export async function resolveSession(client: Db, secret: string, policy: SessionPolicy, now = new Date()): Promise<Principal | null> {
  const id = sessionIdFor(secret);
  const session = await client.session.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, tenantId: true, username: true, mustChangePassword: true, store: { select: { domain: true } } } },
    },
  });
  if (!session || session.revokedAt) return null;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleFor >= policy.idleTimeoutMs) {
    const reason = session.expiresAt <= now ? "expired" : "idle timeout";
    await client.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
    return null;
  }
  const user = session.user;
  const subject = await loadSubjectRoles(client, session.tenantId, user.id);
  const kind = session.kind === "api" || session.kind === "oauth" ? session.kind : "console";
  if (!mayHoldSession(kind, subject.grants)) return null;
  if (idleFor >= TOUCH_INTERVAL_MS) {
    await client.session.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    userId: user.id,
    tenantId: session.tenantId,
    username: user.username,
    displayName: qualifiedName(user.store.domain, user.username),
    sessionId: id,
    sessionKind: kind,
    mustChangePassword: user.mustChangePassword,
    ...subject,
  };
}
