import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db } from "../db/client.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record.ts";
import { hashPassword } from "../auth/password.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { usernameColumns } from "../stores/look-alike.ts";
import { nameKey, PRIMARY, qualifiedName, sameDomain, splitQualifiedName } from "../core/domains.ts";
import { passwordSchema } from "../users/password-policy.ts";
import type { BasicCredentials } from "./basic-auth.ts";
import { firstIssue } from "../core/zod-issues.ts";

export type BootstrapResult = "created" | "not-applicable" | { refused: string };

/**
 * Seed 000: with `create_admin_account = false` the store starts without an admin, and the MI
 * creates one from the credentials of the first management API login. Gatehouse does the same,
 * bounded to that one case: only while nobody holds the admin role, and only for the account
 * `[super_admin] username` names, so the unique username makes two concurrent first logins
 * create one admin (the loser then signs in like anyone else, and a wrong password is a 401).
 */
export async function bootstrapFirstAdmin(
  client: Db,
  config: TGatehouseConfig,
  credentials: BasicCredentials,
  ip: string,
): Promise<BootstrapResult> {
  if (config.super_admin.create_admin_account) return "not-applicable";
  const { domain, name } = splitQualifiedName(credentials.username.trim());
  if (!sameDomain(domain, PRIMARY) || nameKey(name) !== nameKey(config.super_admin.username)) return "not-applicable";
  const target = await adminSlot(client);
  if (!target) return "not-applicable";

  const policy = passwordSchema(config.password_policy).safeParse(credentials.password);
  if (!policy.success) return { refused: `The first admin's password: ${firstIssue(policy.error).message}` };
  const passwordHash = await hashPassword(credentials.password);
  const username = config.super_admin.username.normalize("NFC");
  try {
    return await client.$transaction(async (tx) => {
      // Checked again inside the transaction: an admin made meanwhile closes the door.
      if ((await tx.membership.count({ where: { roleId: target.adminRoleId } })) > 0) return "not-applicable";
      const user = await tx.user.create({
        data: {
          tenantId: target.tenantId,
          storeId: target.primaryStoreId,
          ...usernameColumns(username),
          passwordHash,
          memberships: { create: { roleId: target.adminRoleId } },
        },
      });
      await recordAudit(tx, {
        tenantId: target.tenantId,
        actor: SYSTEM_ACTOR,
        action: "user.created",
        target: { type: "user", id: user.id, name: qualifiedName(PRIMARY, username) },
        after: { roles: [target.adminRole], reason: "first management API login while no admin exists (create_admin_account = false)" },
        ip,
      });
      return "created";
    });
  } catch (error) {
    if (isUniqueViolation(error)) return "not-applicable";
    throw error;
  }
}

/** Where the first admin would go, or null when an admin, or an account of that name, already exists. */
async function adminSlot(client: Db) {
  const tenant = await client.tenant.findUnique({ where: { domain: SUPER_TENANT }, select: { id: true } });
  if (!tenant) return null;
  const role = await client.role.findFirst({
    where: { tenantId: tenant.id, kind: "admin" },
    select: { id: true, name: true, store: { select: { domain: true } } },
  });
  const primary = await client.userStore.findFirst({ where: { tenantId: tenant.id, domain: PRIMARY }, select: { id: true } });
  if (!role || !primary) return null;
  if ((await client.membership.count({ where: { roleId: role.id } })) > 0) return null;
  return { tenantId: tenant.id, adminRoleId: role.id, adminRole: qualifiedName(role.store.domain, role.name), primaryStoreId: primary.id };
}
