/**
 * SCIM's writes, through the user commands (lib/users/commands.ts) and so through their rules,
 * no-escalation checks and audit events: POST /scim2/Users is Add New User (a password is optional: without one the account waits for an admin's reset), with the profile
 * claims in the same write (decided as User Profile's command decides them); DELETE is Delete User.
 */
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { decide } from "../authz/decide.ts";
import { profileClaimRules } from "../claims/profile-claims.ts";
import { profileErrors, type ClaimRule } from "../claims/profile-rules.ts";
import { firstIssue } from "../core/zod-issues.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { provisionUserCommand } from "../users/commands.ts";
import { getUser } from "../users/get-user.ts";
import type { Actor } from "../authz/principal.ts";
import { scimUserQuery, type ScimOne } from "./queries.ts";
import { scimError } from "./scim-error.ts";
import { assertIfMatch } from "./resources.ts";
import type { NewScimUser } from "./user-body.ts";

const ZNewScimUser = z.object({
  base: z.string(),
  user: z.custom<NewScimUser>((v) => typeof v === "object" && v !== null),
});

export const scimCreateUserCommand = defineCommand({
  feature: "users.create",
  input: ZNewScimUser,
  rule: "As Add New User (no initial roles); claims as User Profile: users.profile, and only the tenant's editable profile claims, each valid.",
  run: async (client, actor, { base, user }): Promise<ScimOne> => {
    const uris = Object.keys(user.claims);
    if (uris.length > 0) await checkProfileClaims(client, actor, uris, () => user.claims);
    const parsed = provisionUserCommand.input.safeParse({
      domain: user.domain,
      username: user.username,
      password: user.password,
      roleIds: [],
      claims: user.claims,
    });
    if (!parsed.success) throw scimError("invalidValue", firstIssue(parsed.error).message);
    // The claims go with the user in one write: a value the store refuses (an LDAP attribute's
    // syntax) then leaves no user behind, as a second write after the create would.
    const { id } = await provisionUserCommand.run(client, actor, parsed.data);
    return scimUserQuery.run(client, actor, { base, id });
  },
});

/**
 * Before anything is written: the caller holds users.profile, every claim in `uris` (those the
 * body sets or changes) is one of the tenant's editable profile claims, and the values `values`
 * builds over those rules are valid by their definitions. Returns the editable rules.
 */
export async function checkProfileClaims(
  client: Db,
  actor: Actor,
  uris: readonly string[],
  values: (rules: readonly ClaimRule[]) => Record<string, string>,
): Promise<ClaimRule[]> {
  const may = decide(actor, "users.profile");
  if (!may.allowed) throw new AppError(may.code, `${may.reason} (the body sets profile attributes)`);
  const rules = (await profileClaimRules(client, actor.tenantId)).filter((r) => !r.readOnly);
  const unknown = uris.filter((uri) => !rules.some((r) => r.uri === uri));
  if (unknown.length) throw scimError("invalidValue", `Not editable profile claims in this tenant: ${unknown.join(", ")}.`);
  const errors = Object.entries(profileErrors(rules, values(rules))).map(([uri, [message]]) => `${uri}: ${message}`);
  if (errors.length) throw scimError("invalidValue", errors.join(" "));
  return rules;
}

/** DELETE's input: the user's current version, or the one If-Match names (a stale one is 412). */
export async function deleteInput(client: Db, actor: Actor, id: number, ifMatch: string | null): Promise<{ id: number; version: number }> {
  const user = await getUser(client, actor.tenantId, id);
  assertIfMatch("user", user.version, ifMatch);
  return { id: user.id, version: user.version };
}
