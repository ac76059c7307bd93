import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { revokeUserSessions } from "../sessions/revoke-session.ts";
import type { Principal } from "../authz/principal.ts";
import { DEFAULT_ADMIN_PASSWORD } from "../auth/password.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";

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
  const { users, user, login } = await ownAccount(client, principal);
  if (!(await users.authenticate(login, input.currentPassword)).ok) {
    throw new AppError("INVALID_INPUT", "The current password is not correct.");
  }
  if (input.newPassword === DEFAULT_ADMIN_PASSWORD) throw new AppError("INVALID_INPUT", "Choose a password other than the default.");
  const password = await users.preparePassword(input.newPassword);
  return client.$transaction(async (tx) => {
    await users
      .updateUser(tx, principal.tenantId, principal.userId, {
        version: user.version,
        password: { value: password, mustChange: false, clearLockout: false },
      })
      .catch((error: unknown) => {
        if (error instanceof AppError && error.code === "STALE_VERSION") {
          throw new AppError("STALE_VERSION", "Your account changed while you were typing. Reload and try again.");
        }
        throw error;
      });
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

async function ownAccount(client: Db, principal: Principal) {
  const missing = () => new AppError("NOT_FOUND", "Your account no longer exists.");
  const users = await tenantUserStore(client, principal.tenantId);
  const user = await users.getUser(client, principal.tenantId, principal.userId);
  const login = user && (await users.loginById(client, principal.tenantId, user.id));
  if (!user || !login) throw missing();
  return { users, user, login };
}
