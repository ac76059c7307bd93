import type { Db, Tx } from "../db/client.ts";
import type { PreparedPassword } from "../user-stores/user-store.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { revokeUserSessions } from "../sessions/revoke-session.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import { getUser, type UserDetail } from "./get-user.ts";
import { assertUserAction } from "../authz/user-rules.ts";

export type TResetUserPassword = { id: number; version: number; password: string; requireChange: boolean };

/** Change Password on someone else's row. Their open sessions end; the password never reaches the audit log. */
export async function resetUserPassword(
  client: Db,
  actor: Actor,
  input: TResetUserPassword,
): Promise<{ qualified: string; endedSessions: number }> {
  const tenantId = actor.tenantId;
  const users = await tenantUserStore(client, tenantId);
  const user = await getUser(client, tenantId, input.id);
  assertUserAction(actor, user, "password");
  const password = await users.preparePassword(input.password);
  return client.$transaction((tx) => writePasswordReset(tx, actor, user, { ...input, password }));
}

/**
 * The write inside the caller's transaction, for a user whose rules were checked (assertUserAction
 * "password") and a password prepared outside it (SCIM's PUT composes it with the other writes).
 */
export async function writePasswordReset(
  tx: Tx,
  actor: Actor,
  user: UserDetail,
  input: { version: number; password: PreparedPassword; requireChange: boolean },
): Promise<{ qualified: string; endedSessions: number }> {
  const tenantId = actor.tenantId;
  const users = await tenantUserStore(tx, tenantId);
  await users.updateUser(tx, tenantId, user.id, {
    version: input.version,
    password: { value: input.password, mustChange: input.requireChange, clearLockout: true },
  });
  // A new password makes old guesses moot: every address's lock on this account goes too.
  await tx.addressLockout.deleteMany({ where: { tenantId, userId: user.id } });
  const keep = user.id === actor.userId ? actor.sessionId : undefined;
  const endedSessions = await revokeUserSessions(tx, tenantId, user.id, "password reset by an administrator", keep);
  await recordAudit(tx, {
    tenantId,
    actor: { id: actor.userId, name: actor.displayName },
    action: "user.password_reset",
    target: { type: "user", id: user.id, name: user.qualified },
    after: { endedSessions, mustChangeAtNextSignIn: input.requireChange },
    ip: actor.ip,
  });
  return { qualified: user.qualified, endedSessions };
}
