import type { Db } from "../db/client.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { hashPassword } from "../auth/password.ts";
import { getConfig } from "../config/current.ts";
import { PRIMARY } from "../core/domains.ts";
import { firstIssue } from "../core/zod-issues.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../errors.ts";
import { provisionTenantIn } from "../provisioning/provision-tenant.ts";
import { usernameSchema } from "../stores/name-rules.ts";
import { passwordSchema } from "../users/password-policy.ts";
import type { TCreateTenant } from "./tenant-input.ts";

const CLAIM = {
  firstName: "http://wso2.org/claims/givenname",
  lastName: "http://wso2.org/claims/lastname",
  email: "http://wso2.org/claims/emailaddress",
} as const;

/**
 * WSO2's Add New Tenant: the tenant row and everything the super tenant is provisioned with
 * (stores, default roles, the admin role and its admin user, the scope catalog's mapping), in
 * one transaction. The event goes to the super tenant's audit log and the new tenant's own.
 */
export async function createTenant(client: Db, actor: Actor, input: TCreateTenant): Promise<{ id: number; domain: string }> {
  const config = getConfig();
  const rules = { domain: PRIMARY, readOnly: false, usernamePattern: config.user_store.username_java_regex, rolePattern: null };
  const username = usernameSchema(rules)
    // "admin@x" would sign in as "admin" of tenant "x": WSO2 takes an "@" only with email usernames.
    .refine((s) => config.tenant_mgt.enable_email_domain || !s.includes("@"), "Username cannot contain “@”.")
    .safeParse(input.adminUsername);
  if (!username.success) throw new AppError("INVALID_INPUT", firstIssue(username.error).message, { field: "adminUsername" });
  const password = passwordSchema(config.password_policy).safeParse(input.password);
  if (!password.success) throw new AppError("INVALID_INPUT", firstIssue(password.error).message, { field: "password" });
  const conflict = () => new AppError("CONFLICT", `A tenant with the domain “${input.domain}” already exists.`, { field: "domain" });
  if (await client.tenant.findUnique({ where: { domain: input.domain }, select: { id: true } })) throw conflict();

  // Hashing is slow and needs no lock, so it happens before the transaction starts.
  const passwordHash = await hashPassword(input.password);
  const spec = {
    adminRole: config.super_admin.admin_role,
    admin: {
      username: username.data,
      passwordHash,
      mustChangePassword: false,
      claims: { [CLAIM.firstName]: input.firstName, [CLAIM.lastName]: input.lastName, [CLAIM.email]: input.email },
    },
    usernamePattern: config.user_store.username_java_regex,
    rolePattern: config.user_store.rolename_java_regex,
    scopeCatalog: config.apim.scope_catalog,
  };
  const { domain, firstName, lastName, email } = input;
  try {
    return await client.$transaction(
      async (tx) => {
        const tenant = await tx.tenant.create({ data: { domain, firstName, lastName, email } });
        const created: string[] = [`tenant ${domain}`];
        await provisionTenantIn(tx, tenant.id, spec, created);
        const target = { type: "tenant", id: tenant.id, name: domain };
        await recordAudit(tx, { tenantId: tenant.id, actor: SYSTEM_ACTOR, action: "system.provisioned", target, after: { created } });
        await recordAudit(tx, {
          tenantId: actor.tenantId,
          actor: { id: actor.userId, name: actor.displayName },
          action: "tenant.created",
          target,
          after: { admin: username.data, firstName, lastName, email },
          ip: actor.ip,
        });
        return { id: tenant.id, domain };
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    // Two creates of one domain: the second finds the first's row only at commit.
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
