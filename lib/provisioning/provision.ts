import crypto from "node:crypto";
import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db, Tx } from "../db/client.ts";
import { DEFAULT_ADMIN_PASSWORD, hashPassword } from "../auth/password.ts";
import { AUTH_SECRET_KEY } from "../auth/secret.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record.ts";
import { ensureSecondaryStores } from "./ensure-secondary-stores.ts";
import { ensureBuiltinClaims } from "../claims/builtin-claims.ts";
import { seedMissingClaimAttributes } from "../user-stores/external/claim-map.ts";
import { provisionTenantIn, type TenantSpec } from "./provision-tenant.ts";

export type ProvisionReport = {
  tenantId: number;
  created: string[];
  renamedAdminRole?: { from: string; to: string };
};

/**
 * Brings the database to the state gatehouse.toml describes, creating only what is missing.
 * It never resets what admins changed later (grants, scope mappings, passwords), with one
 * exception WSO2 also makes: a changed `admin_role` renames the existing admin role.
 */
export async function provision(db: Db, config: TGatehouseConfig): Promise<ProvisionReport> {
  // Hashing is slow and needs no lock, so it happens before the transaction starts.
  const adminPasswordHash = await hashPassword(config.super_admin.password);
  return db.$transaction((tx) => provisionIn(tx, config, adminPasswordHash), { timeout: 60_000, maxWait: 60_000 });
}

/** The super tenant's spec: everything from gatehouse.toml. */
export function superTenantSpec(config: TGatehouseConfig, adminPasswordHash: string): TenantSpec {
  const { username, password, admin_role, create_admin_account } = config.super_admin;
  return {
    adminRole: admin_role,
    admin: create_admin_account
      ? { username, passwordHash: adminPasswordHash, mustChangePassword: password === DEFAULT_ADMIN_PASSWORD }
      : undefined,
    usernamePattern: config.user_store.username_java_regex,
    rolePattern: config.user_store.rolename_java_regex,
    scopeCatalog: config.apim.scope_catalog,
  };
}

async function provisionIn(tx: Tx, config: TGatehouseConfig, adminPasswordHash: string): Promise<ProvisionReport> {
  const created: string[] = [];
  let tenant = await tx.tenant.findUnique({ where: { domain: SUPER_TENANT } });
  if (!tenant) {
    tenant = await tx.tenant.create({ data: { domain: SUPER_TENANT } });
    created.push(`tenant ${SUPER_TENANT}`);
  }
  const tenantId = tenant.id;

  // Secondary stores in gatehouse.toml are the super tenant's; a new tenant starts without any.
  const provisioned = await provisionTenantIn(tx, tenantId, superTenantSpec(config, adminPasswordHash), created);
  await ensureSecondaryStores(tx, tenantId, config.user_store.secondary, created);
  // Tenants added before claims were data (migration 0015) get the built-in claims here.
  const tenantIds = (await tx.tenant.findMany({ where: { id: { not: tenantId } }, select: { id: true } })).map((t) => t.id);
  await ensureBuiltinClaims(tx, tenantIds, created);
  // Stores added before claims were data (0015) map claims by their setting: shown on Settings › Claims from now on.
  for (const domain of await seedMissingClaimAttributes(tx)) created.push(`claim mappings of user store ${domain}`);

  if (!(await tx.setting.findUnique({ where: { key: AUTH_SECRET_KEY } }))) {
    await tx.setting.create({ data: { key: AUTH_SECRET_KEY, value: crypto.randomBytes(32).toString("base64url") } });
    created.push("session signing secret");
  }

  if (created.length > 0) {
    await recordAudit(tx, {
      tenantId,
      actor: SYSTEM_ACTOR,
      action: "system.provisioned",
      target: { type: "tenant", id: tenantId, name: SUPER_TENANT },
      after: { created },
    });
  }
  return { tenantId, created, renamedAdminRole: provisioned.renamedAdminRole };
}
