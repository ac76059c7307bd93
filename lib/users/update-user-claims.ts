import type { Db, Tx } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { profileClaimRules, writableClaimRules } from "../claims/profile-claims.ts";
import { profileErrors, type ClaimRule, type TUpdateUserClaims } from "../claims/profile-rules.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import { getUser } from "./get-user.ts";
import { assertUserAction } from "../authz/user-rules.ts";

export { ZUpdateUserClaims, type TUpdateUserClaims } from "../claims/profile-rules.ts";

/**
 * User Profile: sets the claims the profile editor shows (the tenant's supported-by-default,
 * editable claims), checked against their definitions with every error at once; an empty value
 * removes the claim. Read-only claims and claims the editor does not show keep their values.
 */
export async function updateUserClaims(client: Db, actor: Actor, input: TUpdateUserClaims): Promise<{ qualified: string }> {
  return client.$transaction((tx) => writeUserClaims(tx, actor, input));
}

/**
 * Which claims a write sets. "profile": the profile editor's form, every supported-by-default
 * editable claim (one the input leaves out is cleared). "given": exactly the claims the input
 * names, each one the tenant defines and not read-only, as WSO2's SCIM sets any local claim.
 */
export type ClaimScope = "profile" | "given";

/** The same inside the caller's transaction (SCIM's writes compose it with the account writes). */
export async function writeUserClaims(
  tx: Tx,
  actor: Actor,
  input: TUpdateUserClaims,
  scope: ClaimScope = "profile",
): Promise<{ qualified: string }> {
  const tenantId = actor.tenantId;
  const users = await tenantUserStore(tx, tenantId);
  const user = await getUser(tx, tenantId, input.id);
  assertUserAction(actor, user, "profile");
  const rules =
    scope === "profile" ? (await profileClaimRules(tx, tenantId)).filter((r) => !r.readOnly) : await givenRules(tx, actor, input);
  const fieldErrors = profileErrors(rules, input);
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors });
  await users.updateUser(tx, tenantId, user.id, { version: input.version });
  const claims = Object.fromEntries(rules.map(({ uri }) => [uri, String(input[uri] ?? "").trim()]));
  await users.setClaims(tx, user.id, claims);
  const after = { ...user.claims, ...claims };
  await recordAudit(tx, {
    tenantId,
    actor: { id: actor.userId, name: actor.displayName },
    action: "user.profile_changed",
    target: { type: "user", id: user.id, name: user.qualified },
    before: user.claims,
    after: Object.fromEntries(Object.entries(after).filter(([, value]) => value !== "")),
    ip: actor.ip,
  });
  return { qualified: user.qualified };
}

/** "given"'s rules, checked again inside the transaction: a definition may have changed since the caller looked. */
function givenRules(tx: Tx, actor: Actor, input: TUpdateUserClaims): Promise<ClaimRule[]> {
  return writableClaimRules(
    tx,
    actor.tenantId,
    Object.keys(input).filter((key) => key !== "id" && key !== "version"),
  );
}
