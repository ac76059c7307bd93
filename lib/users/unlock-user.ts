import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { assertUserAction } from "../authz/user-rules.ts";
import { writeUnlocked } from "../user-stores/account-state.ts";
import { lockUserVersion } from "./bump-user-version.ts";
import { getUser } from "./get-user.ts";

export type TUnlockUser = { id: number; version: number };

/**
 * Unlock on the user page: ends the lockout (the account's and every address's) before it runs
 * out. Version first, then the rules on the row as it now is, as in set-user-disabled.ts.
 */
export async function unlockUser(client: Db, actor: Actor, input: TUnlockUser): Promise<{ qualified: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    await lockUserVersion(tx, tenantId, input.id, input.version);
    const user = await getUser(tx, tenantId, input.id);
    assertUserAction(actor, user, "unlock");
    await writeUnlocked(tx, tenantId, user.id);
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "user.unlocked",
      target: { type: "user", id: user.id, name: user.qualified },
      before: { lockedUntil: user.lockedUntil?.toISOString() ?? null },
      ip: actor.ip,
    });
    return { qualified: user.qualified };
  });
}
