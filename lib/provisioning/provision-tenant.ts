import type { Tx } from "../db/client.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record.ts";
import { ensureMappingVersion } from "../roles/mapping-version.ts";
import { INTERNAL, nameKey, PRIMARY, qualifiedName, sameDomain, splitQualifiedName } from "../core/domains.ts";
import { roleNameColumns, usernameColumns } from "../stores/look-alike.ts";
import { ConfigError } from "../config/load.ts";
import type { ScopeCatalogVersion } from "../scopes/catalogs.ts";
import { ADMIN_ROLE_GRANTS, DEFAULT_INTERNAL_ROLES, DEFAULT_STORES } from "./defaults.ts";
import { ensureScopeCatalog } from "./ensure-scope-catalog.ts";
import { ensureBuiltinClaims } from "../claims/builtin-claims.ts";

/** What a tenant is provisioned with: the super tenant's comes from gatehouse.toml, a new tenant's from Add New Tenant. */
export type TenantSpec = {
  /** Domain-qualified like WSO2 ("Internal/admin"); without a domain it lives in PRIMARY. */
  adminRole: string;
  /** Absent: no admin account (`create_admin_account = false`). */
  admin?: { username: string; passwordHash: string; mustChangePassword: boolean; claims?: Record<string, string> };
  usernamePattern: string;
  rolePattern: string;
  scopeCatalog: ScopeCatalogVersion;
};

export type TenantProvisioned = { stores: Map<string, number>; renamedAdminRole?: { from: string; to: string } };

/**
 * Brings one tenant to its spec inside the caller's transaction, creating only what is missing:
 * the PRIMARY, Internal and Application stores, the admin role, the default Internal roles, the
 * admin user, the mapping version and the scope catalog's defaults. The super tenant and every
 * tenant made by Add New Tenant go through here, so they start out the same.
 */
export async function provisionTenantIn(tx: Tx, tenantId: number, spec: TenantSpec, created: string[]): Promise<TenantProvisioned> {
  const stores = new Map<string, number>();
  for (const store of DEFAULT_STORES) {
    const row =
      (await tx.userStore.findUnique({ where: { tenantId_domain: { tenantId, domain: store.domain } } })) ??
      (await tx.userStore.create({ data: { tenantId, ...store } }));
    stores.set(store.domain.toUpperCase(), row.id);
  }
  await applyPrimaryNameRules(tx, stores.get(PRIMARY)!, spec);
  const storeId = (domain: string) => {
    const id = stores.get(domain.toUpperCase());
    if (id === undefined) throw new ConfigError(`gatehouse.toml: [super_admin] admin_role: unknown domain "${domain}"`);
    return id;
  };

  const { adminRoleId, renamed } = await ensureAdminRole(tx, tenantId, spec.adminRole, storeId, created);

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

  if (spec.admin) await ensureAdminUser(tx, tenantId, storeId(PRIMARY), adminRoleId, spec.admin, created);

  await ensureMappingVersion(tx, tenantId);
  const catalog = { tenantId, version: spec.scopeCatalog, adminRoleId, internalStoreId: storeId(INTERNAL), internalRoleIds };
  await ensureScopeCatalog(tx, catalog, created);
  await ensureBuiltinClaims(tx, [tenantId], created);
  return { stores, renamedAdminRole: renamed };
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
  admin: NonNullable<TenantSpec["admin"]>,
  created: string[],
): Promise<void> {
  const where = { tenantId_storeId_usernameKey: { tenantId, storeId: primaryStoreId, usernameKey: nameKey(admin.username) } };
  if (await tx.user.findUnique({ where })) return;
  const claims = Object.entries(admin.claims ?? {}).filter(([, value]) => value !== "");
  await tx.user.create({
    data: {
      tenantId,
      storeId: primaryStoreId,
      ...usernameColumns(admin.username.normalize("NFC")),
      passwordHash: admin.passwordHash,
      mustChangePassword: admin.mustChangePassword,
      memberships: { create: { roleId: adminRoleId } },
      claims: { create: claims.map(([claim, value]) => ({ claim, value })) },
    },
  });
  created.push(`admin user ${admin.username}`);
}

async function applyPrimaryNameRules(tx: Tx, primaryId: number, spec: TenantSpec) {
  const { usernamePattern, rolePattern } = spec;
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
