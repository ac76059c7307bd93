import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import { USER_CLAIMS } from "./claims.ts";
import type { TUpdateUserClaims } from "./form-schemas.ts";
import { getUser } from "./get-user.ts";
import { assertUserAction } from "../authz/user-rules.ts";

export { ZUpdateUserClaims, type TUpdateUserClaims } from "./form-schemas.ts";

/** User Profile: sets the known claims; an empty value removes the claim. */
export async function updateUserClaims(client: Db, actor: Actor, input: TUpdateUserClaims): Promise<{ qualified: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const users = await tenantUserStore(tx, tenantId);
    const user = await getUser(tx, tenantId, input.id);
    assertUserAction(actor, user, "profile");
    await users.updateUser(tx, tenantId, user.id, { version: input.version });
    const claims = Object.fromEntries(USER_CLAIMS.map(({ uri }) => [uri, input[uri] ?? ""]));
    await users.setClaims(tx, user.id, claims);
    const after = Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== ""));
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "user.profile_changed",
      target: { type: "user", id: user.id, name: user.qualified },
      before: user.claims,
      after,
      ip: actor.ip,
    });
    return { qualified: user.qualified };
  });
}
