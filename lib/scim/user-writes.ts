/**
 * SCIM's PUT and PATCH on Users (RFC 7644 3.5.1, 3.5.2). PATCH applies its operations to the
 * resource as GET answers it and hands the result to PUT's code, so both end in one path: the
 * body's mapped claims replace the user's (a mapped claim the body leaves out is cleared), `active`
 * goes through Disable/Enable's rules, `password` through an administrator's reset (Change
 * Password's rules; never "must change"). Every rule is checked before anything is written; the
 * writes then run in one transaction, each with its own audit event, the first one
 * compare-and-setting the version the caller read, so a concurrent change is refused (409).
 */
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import type { Actor } from "../authz/principal.ts";
import { assertUserAction } from "../authz/user-rules.ts";
import { ZScimPatchOp } from "../contracts/scim.ts";
import { sameQualifiedName } from "../core/domains.ts";
import { firstIssue } from "../core/zod-issues.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import type { PreparedPassword } from "../user-stores/user-store.ts";
import { getUser, type UserDetail } from "../users/get-user.ts";
import { ZConfiguredPassword } from "../users/password-policy.ts";
import { writePasswordReset } from "../users/reset-user-password.ts";
import { writeUserDisabled } from "../users/set-user-disabled.ts";
import { writeUserClaims, type TUpdateUserClaims } from "../users/update-user-claims.ts";
import { CORE_USER, ENTERPRISE_USER, USER_ATTRIBUTE_NAMES } from "./attribute-map.ts";
import { loadScimDialect } from "./dialect.ts";
import { applyScimPatch } from "./patch.ts";
import { scimUserQuery, type ScimOne } from "./queries.ts";
import { scimError } from "./scim-error.ts";
import { userFieldsFromBody, type ScimUserFields } from "./user-body.ts";
import { assertIfMatch } from "./resources.ts";
import { checkScimClaims } from "./writes.ts";

const ZTarget = z.object({ base: z.string(), id: z.number().int(), ifMatch: z.string().optional() });

const RULE =
  "Each change as its console command decides it, all checked before any write: claims as User Profile (users.profile, " +
  "any claim the tenant defines that is not read-only, each valid), active as Disable/Enable (users.accountState; nobody disables themselves " +
  "or the last admin), password as Change Password (users.password; only the super admin resets another admin's); " +
  "the actor holds every permission the user holds. userName cannot change. The feature is the read's: the answer is the user.";

/** The writes a body asks for, every rule checked; nothing is written yet. */
type Plan = { claims?: Record<string, string>; disabled?: boolean; password?: PreparedPassword };

async function plan(client: Db, actor: Actor, user: UserDetail, fields: ScimUserFields, mapped: readonly string[]): Promise<Plan> {
  if (fields.userName === undefined) throw scimError("invalidValue", "userName is required.");
  if (!sameQualifiedName(fields.userName, user.qualified)) {
    throw scimError("mutability", `userName cannot change: it is ${user.qualified}.`);
  }
  const out: Plan = {};
  const given = (uri: string) => (fields.claims[uri] ?? "").trim();
  const changed = mapped.filter((uri) => (user.claims[uri] ?? "") !== given(uri));
  if (changed.length > 0) {
    assertUserAction(actor, user, "profile");
    // Only the claims that change are written: the others, mapped or not, keep their values.
    out.claims = Object.fromEntries(changed.map((uri) => [uri, given(uri)]));
    await checkScimClaims(client, actor, out.claims);
  }
  if (fields.active !== undefined && fields.active === user.account!.disabled) {
    out.disabled = !fields.active;
    assertUserAction(actor, user, out.disabled ? "disable" : "enable");
  }
  if (fields.password !== undefined) {
    assertUserAction(actor, user, "password");
    const parsed = ZConfiguredPassword.safeParse(fields.password);
    if (!parsed.success) throw scimError("invalidValue", `password: ${firstIssue(parsed.error).message}`);
    out.password = await (await tenantUserStore(client, actor.tenantId)).preparePassword(parsed.data);
  }
  return out;
}

/** PUT's body (or PATCH's result) onto `user` as read at `user.version`; each write takes the version the previous one left. */
async function replaceUser(client: Db, actor: Actor, user: UserDetail, body: Record<string, unknown>): Promise<void> {
  const dialect = await loadScimDialect(client, actor.tenantId);
  const { claims, disabled, password } = await plan(client, actor, user, userFieldsFromBody(body, dialect), dialect.mappedClaims);
  if (!claims && disabled === undefined && !password) return;
  await client.$transaction(async (tx) => {
    // Each write below is one compare-and-increment of the version (the first takes the row lock on PostgreSQL).
    let version = user.version;
    if (claims) await writeUserClaims(tx, actor, { ...claims, id: user.id, version: version++ } as TUpdateUserClaims, "given");
    if (disabled !== undefined) await writeUserDisabled(tx, actor, { id: user.id, version: version++, disabled });
    if (password) await writePasswordReset(tx, actor, user, { version, password, requireChange: false });
  });
}

export const scimReplaceUserCommand = defineCommand({
  feature: "users.list",
  input: ZTarget.extend({ body: z.record(z.string(), z.unknown()) }),
  rule: RULE,
  run: async (client, actor, { base, id, body, ifMatch }): Promise<ScimOne> => {
    const user = await getUser(client, actor.tenantId, id, "read");
    assertIfMatch("user", user.version, ifMatch);
    await replaceUser(client, actor, user, body);
    return scimUserQuery.run(client, actor, { base, id });
  },
});

export const scimPatchUserCommand = defineCommand({
  feature: "users.list",
  input: ZTarget.extend({ patch: ZScimPatchOp }),
  rule: `PATCH's operations applied to the user as GET answers it, then as PUT. ${RULE}`,
  run: async (client, actor, { base, id, patch, ifMatch }): Promise<ScimOne> => {
    const { resource, version } = await scimUserQuery.run(client, actor, { base, id });
    assertIfMatch("user", version, ifMatch);
    const patched = applyScimPatch(resource, patch.Operations, {
      names: USER_ATTRIBUTE_NAMES,
      urns: [CORE_USER, ENTERPRISE_USER],
      caseExact: ["groups.$ref"],
    });
    const user = await getUser(client, actor.tenantId, id, "read");
    if (user.version !== version) throw new AppError("STALE_VERSION", "The user changed while the patch was applied. Try again.");
    await replaceUser(client, actor, user, patched);
    return scimUserQuery.run(client, actor, { base, id });
  },
});
