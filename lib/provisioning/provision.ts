import crypto from "node:crypto";
import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db, Tx } from "../db/client.ts";
import { DEFAULT_ADMIN_PASSWORD, hashPassword } from "../auth/password.ts";
import { AUTH_SECRET_KEY } from "../auth/secret.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record.ts";
import { ensureMappingVersion } from "../roles/mapping-version.ts";
import { INTERNAL, nameKey, PRIMARY, qualifiedName, sameDomain, splitQualifiedName } from "../core/domains.ts";
import { roleNameColumns, usernameColumns } from "../stores/look-alike.ts";
import { ConfigError } from "../config/load.ts";
import { ADMIN_ROLE_GRANTS, DEFAULT_INTERNAL_ROLES, DEFAULT_STORES } from "./defaults.ts";
import { ensureScopeCatalog } from "./ensure-scope-catalog.ts";
import { ensureSecondaryStores } from "./ensure-secondary-stores.ts";

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

async function provisionIn(tx: Tx, config: TGatehouseConfig, adminPasswordHash: string): Promise<ProvisionReport> {
  const created: string[] = [];
  let tenant = await tx.tenant.findUnique({ where: { domain: SUPER_TENANT } });
  if (!tenant) {
    tenant = await tx.tenant.create({ data: { domain: SUPER_TENANT } });
    created.push(`tenant ${SUPER_TENANT}`);
  }
  const tenantId = tenant.id;

  const stores = new Map<string, number>();
  for (const store of DEFAULT_STORES) {
    const row =
      (await tx.userStore.findUnique({ where: { tenantId_domain: { tenantId, domain: store.domain } } })) ??
      (await tx.userStore.create({ data: { tenantId, ...store } }));
    stores.set(store.domain.toUpperCase(), row.id);
  }
  await applyPrimaryNameRules(tx, stores.get(PRIMARY)!, config);
  await ensureSecondaryStores(tx, tenantId, config.user_store.secondary, created);
  const storeId = (domain: string) => {
    const id = stores.get(domain.toUpperCase());
    if (id === undefined) throw new ConfigError(`gatehouse.toml: [super_admin] admin_role: unknown domain "${domain}"`);
    return id;
  };

  const { adminRoleId, renamed } = await ensureAdminRole(tx, tenantId, config.super_admin.admin_role, storeId, created);

  const internalRoleIds = new Map<string, number>();
  for (const role of DEFAULT_INTERNAL_ROLES) {
    const where = { tenantId_storeId_nameKey: { tenantId, storeId: storeId(INTERNAL), nameKey: nameKey(role.name) } };
    let row = await tx.role.findUnique({ where });
    if (!row) {
      row = await tx.role.create({
        data: {
          tenantId,
          storeId: storeId(INTERNAL),
          ...roleNameColumns(role.name),
          kind: role.kind,
          grants: { create: role.grants.map((permission) => ({ permission })) },
        },
      });
      created.push(`role ${INTERNAL}/${role.name}`);
    }
    internalRoleIds.set(`${INTERNAL}/${role.name}`, row.id);
  }

  if (config.super_admin.create_admin_account) {
    await ensureAdminUser(tx, tenantId, storeId(PRIMARY), adminRoleId, config, adminPasswordHash, created);
  }

  await ensureMappingVersion(tx, tenantId);
  const catalog = { tenantId, version: config.apim.scope_catalog, adminRoleId, internalStoreId: storeId(INTERNAL), internalRoleIds };
  await ensureScopeCatalog(tx, catalog, created);

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
  return { tenantId, created, renamedAdminRole: renamed };
}

async function ensureAdminRole(
  tx: Tx,
  tenantId: number,
  configured: string,
  storeId: (domain: string) => number,
  created: string[],
): Promise<{ adminRoleId: number; renamed?: { from: string; to: string } }> {
  const { domain, name } = splitQualifiedName(configured);
  const wantedStoreId = storeId(domain);
  const existing = await tx.role.findFirst({ where: { tenantId, kind: "admin" }, include: { store: true } });
  const clash = await tx.role.findUnique({
    where: { tenantId_storeId_nameKey: { tenantId, storeId: wantedStoreId, nameKey: nameKey(name) } },
  });
  if (clash && clash.id !== existing?.id) {
    throw new ConfigError(`gatehouse.toml: [super_admin] admin_role: "${configured}" is already a different role; choose another name`);
  }
  if (!existing) {
    const role = await tx.role.create({
      data: {
        tenantId,
        storeId: wantedStoreId,
        ...roleNameColumns(name),
        kind: "admin",
        grants: { create: ADMIN_ROLE_GRANTS.map((permission) => ({ permission })) },
      },
    });
    created.push(`admin role ${configured}`);
    return { adminRoleId: role.id };
  }
  if (existing.name === name && existing.storeId === wantedStoreId) return { adminRoleId: existing.id };

  // WSO2 asks admins to edit UM_ROLE by hand here; Gatehouse renames in place, so members,
  // grants and scope mappings (all keyed by role id) follow the new name.
  const from = qualifiedName(existing.store.domain, existing.name);
  const to = qualifiedName(sameDomain(domain, PRIMARY) ? PRIMARY : domain, name);
  await tx.role.update({
    where: { id: existing.id },
    data: { ...roleNameColumns(name), storeId: wantedStoreId, version: { increment: 1 } },
  });
  await recordAudit(tx, {
    tenantId,
    actor: SYSTEM_ACTOR,
    action: "role.renamed",
    target: { type: "role", id: existing.id, name: to },
    before: { name: from },
    after: { name: to, reason: "[super_admin] admin_role changed in gatehouse.toml" },
  });
  return { adminRoleId: existing.id, renamed: { from, to } };
}

async function ensureAdminUser(
  tx: Tx,
  tenantId: number,
  primaryStoreId: number,
  adminRoleId: number,
  config: TGatehouseConfig,
  passwordHash: string,
  created: string[],
): Promise<void> {
  const { username, password } = config.super_admin;
  const where = { tenantId_storeId_usernameKey: { tenantId, storeId: primaryStoreId, usernameKey: nameKey(username) } };
  if (await tx.user.findUnique({ where })) return;
  await tx.user.create({
    data: {
      tenantId,
      storeId: primaryStoreId,
      ...usernameColumns(username.normalize("NFC")),
      passwordHash,
      mustChangePassword: password === DEFAULT_ADMIN_PASSWORD,
      memberships: { create: { roleId: adminRoleId } },
    },
  });
  created.push(`admin user ${username}`);
}

async function applyPrimaryNameRules(tx: Tx, primaryId: number, config: TGatehouseConfig) {
  const { username_java_regex: usernamePattern, rolename_java_regex: rolePattern } = config.user_store;
  await tx.userStore.updateMany({
    where: {
      id: primaryId,
      OR: [
        { usernamePattern: { not: usernamePattern } },
        { usernamePattern: null },
        { rolePattern: { not: rolePattern } },
        { rolePattern: null },
      ],
    },
    data: { usernamePattern, rolePattern },
  });
}
