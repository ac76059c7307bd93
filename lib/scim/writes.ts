/**
 * SCIM's writes, through the user commands (lib/users/commands.ts) and so through their rules,
 * no-escalation checks and audit events: POST /scim2/Users is Add New User (a password is optional:
 * without one the account waits for an admin's reset), with the claims in the same write (any claim
 * the tenant defines that is not read-only, checked first by checkScimClaims); DELETE is Delete User.
 */
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { decide } from "../authz/decide.ts";
import { definedClaimRules } from "../claims/profile-claims.ts";
import { COMPUTED_CLAIMS, profileErrors } from "../claims/profile-rules.ts";
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
  rule:
    "As Add New User (no initial roles); claims as User Profile's write: users.profile and the account rules, any claim the " +
    "tenant defines that is not read-only (supported by default or not), each valid.",
  run: async (client, actor, { base, user }): Promise<ScimOne> => {
    const hasClaims = Object.keys(user.claims).length > 0;
    if (hasClaims) await checkScimClaims(client, actor, user.claims);
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
 * Before anything is written: the caller holds users.profile, and every claim `claims` sets (or
 * clears) is one the tenant defines, not read-only, with a valid value by its definition. Any
 * such claim, supported by default or not: that flag only decides what the profile editor shows.
 */
export async function checkScimClaims(client: Db, actor: Actor, claims: Record<string, string>): Promise<void> {
  const may = decide(actor, "users.profile");
  if (!may.allowed) throw new AppError(may.code, `${may.reason} (the body sets profile attributes)`);
  const uris = Object.keys(claims);
  const rules = await definedClaimRules(client, actor.tenantId, uris);
  // Gatehouse's own columns (account state, last sign-in) are read-only claims too.
  const readOnly = uris.filter((uri) => COMPUTED_CLAIMS.has(uri) || rules.some((r) => r.uri === uri && r.readOnly));
  const unknown = uris.filter((uri) => !readOnly.includes(uri) && !rules.some((r) => r.uri === uri));
  if (unknown.length) throw scimError("invalidValue", `Claims this tenant does not define: ${unknown.join(", ")}.`);
  if (readOnly.length) throw scimError("mutability", `Read-only claims: ${readOnly.join(", ")}.`);
  const errors = Object.entries(profileErrors(rules, claims)).map(([uri, [message]]) => `${uri}: ${message}`);
  if (errors.length) throw scimError("invalidValue", errors.join(" "));
}

/** DELETE's input: the user's current version, or the one If-Match names (a stale one is 412). */
export async function deleteInput(client: Db, actor: Actor, id: number, ifMatch: string | null): Promise<{ id: number; version: number }> {
  const user = await getUser(client, actor.tenantId, id);
  assertIfMatch("user", user.version, ifMatch);
  return { id: user.id, version: user.version };
}
