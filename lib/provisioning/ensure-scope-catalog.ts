/**
 * Brings the tenant's scope catalog to the version `[apim] scope_catalog` selects, inside the
 * provisioning transaction. It only adds: the version's scopes the tenant lacks (with that
 * version's default roles) and the Internal roles its mapping names (APIM 4.x creates
 * Internal/observer and Internal/integration_dev on tenant load, too). Every existing scope,
 * mapping and alias stays, so switching to another version and back loses nothing. Descriptions
 * and tags of the version's scopes follow its catalog.
 *
 * The applied version is remembered per tenant in Setting `apim.scope_catalog.<tenantId>`; a
 * database from before the setting existed counts as "3.x". A change after the first start is
 * audited as "scopes.catalog_updated" and bumps the mapping version, so a preview opened
 * before it cannot be applied over it. Running again with the same version changes nothing.
 */
import { recordAudit, SYSTEM_ACTOR } from "../audit/record.ts";
import type { Tx } from "../db/client.ts";
import { ADMIN } from "../scopes/catalog.ts";
import { catalogInternalRoles, scopeCatalog, type ScopeCatalogVersion } from "../scopes/catalogs.ts";
import { bumpMappingVersion, lockMappingVersion } from "../roles/mapping-version.ts";
import { INTERNAL, nameKey } from "../core/domains.ts";

export const scopeCatalogKey = (tenantId: number) => `apim.scope_catalog.${tenantId}`;

const LOGIN = "/permission/admin/login";

type CatalogTarget = {
  tenantId: number;
  version: ScopeCatalogVersion;
  adminRoleId: number;
  internalStoreId: number;
  /** "Internal/creator" -> id, for the Internal roles provisioning already ensured. */
  internalRoleIds: Map<string, number>;
};

export async function ensureScopeCatalog(tx: Tx, target: CatalogTarget, created: string[]): Promise<void> {
  const { tenantId, version } = target;
  const setting = await tx.setting.findUnique({ where: { key: scopeCatalogKey(tenantId) } });
  const existing = await tx.apiScope.findMany({ where: { tenantId }, select: { id: true, name: true, description: true, tag: true } });
  const previous = setting?.value ?? (existing.length > 0 ? "3.x" : null);

  const addedRoles = await ensureCatalogRoles(tx, target, created);
  const byName = new Map(existing.map((s) => [s.name, s]));
  const catalog = scopeCatalog(version);
  const missing = catalog.filter((s) => !byName.has(s.name));
  // A switch on a live install changes the mapping: lock first, as every mapping write does.
  const current = previous !== null && missing.length > 0 ? await lockMappingVersion(tx, tenantId) : null;
  for (const scope of missing) {
    const roleIds = scope.roles.map((role) => (role === ADMIN ? target.adminRoleId : target.internalRoleIds.get(role)!));
    await tx.apiScope.create({
      data: {
        tenantId,
        name: scope.name,
        description: scope.description,
        tag: scope.tag,
        roles: { create: roleIds.map((roleId) => ({ roleId })) },
      },
    });
  }
  const redescribed: string[] = [];
  for (const scope of catalog) {
    const row = byName.get(scope.name);
    if (!row || (row.description === scope.description && row.tag === scope.tag)) continue;
    await tx.apiScope.update({ where: { id: row.id }, data: { description: scope.description, tag: scope.tag } });
    redescribed.push(scope.name);
  }
  if (setting?.value !== version) {
    await tx.setting.upsert({
      where: { key: scopeCatalogKey(tenantId) },
      create: { key: scopeCatalogKey(tenantId), value: version },
      update: { value: version },
    });
  }

  if (previous === null) {
    if (missing.length > 0) created.push(`${missing.length} API scopes`);
    return;
  }
  if (previous === version && missing.length === 0 && redescribed.length === 0) return;
  const mappingVersion = current === null ? undefined : await bumpMappingVersion(tx, tenantId, current);
  await recordAudit(tx, {
    tenantId,
    actor: SYSTEM_ACTOR,
    action: "scopes.catalog_updated",
    target: { type: "scope_catalog", name: version },
    before: { catalog: previous },
    after: {
      catalog: version,
      addedScopes: missing.map((s) => s.name),
      addedRoles,
      redescribedScopes: redescribed,
      mappingVersion,
      reason: "[apim] scope_catalog in gatehouse.toml",
    },
  });
}

async function ensureCatalogRoles(tx: Tx, target: CatalogTarget, created: string[]): Promise<string[]> {
  const added: string[] = [];
  for (const name of catalogInternalRoles(target.version)) {
    const qualified = `${INTERNAL}/${name}`;
    if (target.internalRoleIds.has(qualified)) continue;
    const where = { tenantId_storeId_nameKey: { tenantId: target.tenantId, storeId: target.internalStoreId, nameKey: nameKey(name) } };
    let row = await tx.role.findUnique({ where });
    if (!row) {
      row = await tx.role.create({
        data: {
          tenantId: target.tenantId,
          storeId: target.internalStoreId,
          name,
          nameKey: nameKey(name),
          kind: "regular",
          grants: { create: [{ permission: LOGIN }] },
        },
      });
      created.push(`role ${qualified}`);
      added.push(qualified);
    }
    target.internalRoleIds.set(qualified, row.id);
  }
  return added;
}
