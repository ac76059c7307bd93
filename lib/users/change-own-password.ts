import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { AppError } from "../errors.ts";
import { revokeUserSessions } from "../sessions/revoke-session.ts";
import type { Principal } from "../authz/principal.ts";
import { DEFAULT_ADMIN_PASSWORD } from "../auth/password.ts";

/**
 * A user changes their own password. Other sessions of the user end, since whoever knew the
 * old password may hold them; the current session stays.
 */
export async function changeOwnPassword(
  client: Db,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
  ip = "",
): Promise<{ endedSessions: number }> {
  const user = await client.user.findFirst({
    where: { id: principal.userId, tenantId: principal.tenantId },
    select: { passwordHash: true, version: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "Your account no longer exists.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", "The current password is not correct.");
  }
  if (input.newPassword === DEFAULT_ADMIN_PASSWORD) throw new AppError("INVALID_INPUT", "Choose a password other than the default.");
  const passwordHash = await hashPassword(input.newPassword);
  return client.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: principal.userId, tenantId: principal.tenantId, version: user.version },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("STALE_VERSION", "Your account changed while you were typing. Reload and try again.");
    const endedSessions = await revokeUserSessions(tx, principal.tenantId, principal.userId, "password changed", principal.sessionId);
    await recordAudit(tx, {
      tenantId: principal.tenantId,
      actor: { id: principal.userId, name: principal.displayName },
      action: "user.password_changed",
      target: { type: "user", id: principal.userId, name: principal.displayName },
      after: { endedOtherSessions: endedSessions },
      ip,
    });
    return { endedSessions };
  });
}
