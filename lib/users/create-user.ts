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
import type { StoreRef, UserStore } from "../user-stores/user-store.ts";

/** The write's input (lib/users/commands.ts declares its schemas; only provisioning may leave the password out). */
export type TNewUser = { domain: string; username: string; password?: string; roleIds: number[] };

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

/** Add New User: the account and its initial roles in one transaction. */
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

  return client.$transaction(async (tx) => {
    const roles = await getRoles(tx, tenantId, [...new Set(input.roleIds)]);
    for (const role of roles) assertRoleRule(actor, role, "assignUsers");
    const user = await users.createUser(tx, tenantId, store, { username, ...initial, roleIds: roles.map((r) => r.id) });
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "user.created",
      target: { type: "user", id: user.id, name: qualified },
      after: { roles: roles.map((r) => r.qualified) },
      ip: actor.ip,
    });
    return { id: user.id, qualified };
  });
}
