import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { getRoles } from "../roles/get-role.ts";
import { assertRoleRule } from "../authz/role-rules.ts";
import { qualifiedName } from "../core/domains.ts";
import { assertWritable, findStore } from "../stores/list-stores.ts";
import { userStoreFor } from "../user-stores/user-store-for.ts";
import { usernameSchema } from "../stores/name-rules.ts";
import { firstIssue } from "../core/zod-issues.ts";
import { UNUSABLE_PASSWORD } from "../user-stores/password-hash.ts";
import { decide } from "../authz/decide.ts";
import { writableClaimRules } from "../claims/profile-claims.ts";
import { profileErrors } from "../claims/profile-rules.ts";
import type { StoreRef, UserStore } from "../user-stores/user-store.ts";

/**
 * The write's input (lib/users/commands.ts declares its schemas; only provisioning may leave the
 * password out, or give the profile's claims, so that they are written with the user at once).
 */
export type TNewUser = { domain: string; username: string; password?: string; roleIds: number[]; claims?: Record<string, string> };

/**
 * No password (SCIM provisioning): the unusable hash and "must set password", as bulk import
 * stores a row without one; an admin's reset then makes the account usable. A directory keeps
 * its own passwords and wants one, so only a database store takes a user without.
 */
async function initialPassword(users: UserStore, store: StoreRef, password: string | undefined) {
  if (password !== undefined) return { password: await users.preparePassword(password), mustChangePassword: false };
  if ((store.type ?? "database") !== "database") {
    throw new AppError("INVALID_INPUT", `password: The ${store.domain} directory needs a password for a new user.`, { field: "password" });
  }
  return { password: { stored: UNUSABLE_PASSWORD }, mustChangePassword: true };
}

/**
 * Claims given with a new user (SCIM's POST): users.profile, and each one a claim the tenant
 * defines that is not read-only (supported by default or not, as SCIM's writes take them,
 * docs/scim.md), valid by its definition. Null when none are given.
 */
async function initialClaims(client: Db, actor: Actor, claims: Record<string, string> | undefined) {
  const given = Object.entries(claims ?? {})
    .map(([uri, value]) => [uri, value.trim()] as const)
    .filter(([, value]) => value !== "");
  if (given.length === 0) return null;
  const may = decide(actor, "users.profile");
  if (!may.allowed) throw new AppError(may.code, `${may.reason} (the new user has profile claims)`);
  const rules = await writableClaimRules(
    client,
    actor.tenantId,
    given.map(([uri]) => uri),
  );
  const values = Object.fromEntries(given);
  const fieldErrors = profileErrors(rules, values);
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors });
  return values;
}

/** Add New User: the account, its initial roles and claims in one transaction (a directory's user in one add). */
export async function createUser(client: Db, actor: Actor, input: TNewUser): Promise<{ id: number; qualified: string }> {
  const tenantId = actor.tenantId;
  const store = await findStore(client, tenantId, input.domain);
  const users = userStoreFor(store);
  assertWritable(store);
  const parsed = usernameSchema(store).safeParse(input.username);
  if (!parsed.success) throw new AppError("INVALID_INPUT", firstIssue(parsed.error).message, { field: "username" });
  const username = parsed.data;
  await users.assertUsernameFree(client, tenantId, store, username);
  const qualified = qualifiedName(store.domain, username);
  const initial = await initialPassword(users, store, input.password);
  const claims = await initialClaims(client, actor, input.claims);

  return client.$transaction(async (tx) => {
    const roles = await getRoles(tx, tenantId, [...new Set(input.roleIds)]);
    for (const role of roles) assertRoleRule(actor, role, "assignUsers");
    const user = await users.createUser(tx, tenantId, store, {
      username,
      ...initial,
      roleIds: roles.map((r) => r.id),
      ...(claims ? { claims } : {}),
    });
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "user.created",
      target: { type: "user", id: user.id, name: qualified },
      after: { roles: roles.map((r) => r.qualified) },
      ip: actor.ip,
    });
    if (claims) {
      const target = { type: "user", id: user.id, name: qualified } as const;
      const actorRef = { id: actor.userId, name: actor.displayName };
      await recordAudit(tx, { tenantId, actor: actorRef, action: "user.profile_changed", target, before: {}, after: claims, ip: actor.ip });
    }
    return { id: user.id, qualified };
  });
}
