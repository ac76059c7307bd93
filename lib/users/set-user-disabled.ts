import { bumpAuthzVersion } from "../authz/version.ts";
import type { Db, Tx } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { assertUserAction } from "../authz/user-rules.ts";
import { revokeUserSessions } from "../sessions/revoke-session.ts";
import { writeDisabled } from "../user-stores/account-state.ts";
import { lockUserVersion } from "./bump-user-version.ts";
import { getUser } from "./get-user.ts";

export type TSetUserDisabled = { id: number; version: number; disabled: boolean };

/**
 * Disable or Enable on the user page. A disabled user cannot sign in anywhere (console,
 * /management/login, /oauth2/token), and every session and token of theirs ends in this
 * transaction, so their very next request is refused (resolveSession checks the flag too).
 *
 * The version is taken first, so a second admin acting on the same view gets STALE_VERSION
 * whether they lost a race or came second; then the rules are checked on the row as it now is
 * (the last-admin count behind the admin role's lock, lib/user-stores/account-state.ts).
 */
export async function setUserDisabled(
  client: Db,
  actor: Actor,
  input: TSetUserDisabled,
): Promise<{ qualified: string; endedSessions: number }> {
  return client.$transaction((tx) => writeUserDisabled(tx, actor, input));
}

/** The same inside the caller's transaction (SCIM's PUT composes it with the other writes). */
export async function writeUserDisabled(
  tx: Tx,
  actor: Actor,
  input: TSetUserDisabled,
): Promise<{ qualified: string; endedSessions: number }> {
  const tenantId = actor.tenantId;
  await lockUserVersion(tx, tenantId, input.id, input.version);
  const user = await getUser(tx, tenantId, input.id, input.disabled ? "lock" : undefined);
  assertUserAction(actor, user, input.disabled ? "disable" : "enable");
  await writeDisabled(tx, tenantId, user.id, input.disabled ? new Date() : null);
  const endedSessions = input.disabled ? await revokeUserSessions(tx, tenantId, user.id, `disabled by ${actor.displayName}`) : 0;
  await recordAudit(tx, {
    tenantId,
    actor: { id: actor.userId, name: actor.displayName },
    action: input.disabled ? "user.disabled" : "user.enabled",
    target: { type: "user", id: user.id, name: user.qualified },
    ...(input.disabled ? { after: { endedSessions } } : {}),
    ip: actor.ip,
  });
  // The decision API's snapshot is keyed by this version: a disabled user is denied from its next check.
  await bumpAuthzVersion(tx, tenantId);
  return { qualified: user.qualified, endedSessions };
}
