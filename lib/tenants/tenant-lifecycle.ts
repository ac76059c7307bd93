import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { AppError } from "../errors.ts";
import { scopeCatalogKey } from "../provisioning/ensure-scope-catalog.ts";
import { mappingVersionKey } from "../roles/mapping-version.ts";
import { tenantNotFound } from "./super-tenant.ts";
import type { TUpdateTenantContact } from "./tenant-input.ts";

const by = (actor: Actor) => ({ actor: { id: actor.userId, name: actor.displayName }, ip: actor.ip });

/** A tenant other than the super tenant, read inside the write's transaction. */
async function ownTenant(tx: Pick<Db, "tenant">, id: number) {
  const tenant = await tx.tenant.findUnique({ where: { id } });
  if (!tenant || tenant.domain === SUPER_TENANT) throw tenantNotFound();
  return tenant;
}

/**
 * Activate or deactivate a tenant. Deactivating ends every session and token of the tenant at
 * once; session resolution also checks the flag, so one opened in the race ends on its next request.
 */
export async function setTenantActive(client: Db, actor: Actor, input: { id: number; active: boolean }) {
  return client.$transaction(async (tx) => {
    const tenant = await ownTenant(tx, input.id);
    if (tenant.active === input.active) return { id: tenant.id, domain: tenant.domain, active: tenant.active, sessionsEnded: 0 };
    await tx.tenant.update({ where: { id: tenant.id }, data: { active: input.active, version: { increment: 1 } } });
    const ended = input.active
      ? { count: 0 }
      : await tx.session.updateMany({
          where: { tenantId: tenant.id, revokedAt: null },
          data: { revokedAt: new Date(), revokedReason: "tenant deactivated" },
        });
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      ...by(actor),
      action: input.active ? "tenant.activated" : "tenant.deactivated",
      target: { type: "tenant", id: tenant.id, name: tenant.domain },
      before: { active: tenant.active },
      after: { active: input.active, ...(input.active ? {} : { sessionsEnded: ended.count }) },
    });
    return { id: tenant.id, domain: tenant.domain, active: input.active, sessionsEnded: ended.count };
  });
}

/** Edit the contact details of the Add New Tenant form (the admin user's own claims stay theirs to change). */
export async function updateTenantContact(client: Db, actor: Actor, input: TUpdateTenantContact) {
  return client.$transaction(async (tx) => {
    const tenant = await ownTenant(tx, input.id);
    const before = { firstName: tenant.firstName, lastName: tenant.lastName, email: tenant.email };
    const after = { firstName: input.firstName, lastName: input.lastName, email: input.email };
    await tx.tenant.update({ where: { id: tenant.id }, data: { ...after, version: { increment: 1 } } });
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      ...by(actor),
      action: "tenant.contact_changed",
      target: { type: "tenant", id: tenant.id, name: tenant.domain },
      before,
      after,
    });
    return { id: tenant.id, domain: tenant.domain, ...after };
  });
}

/**
 * Delete a tenant and everything of it in one transaction: every row carries the tenant and
 * cascades from it; the per-tenant settings (scope catalog, mapping version) are keyed by its
 * id and go explicitly. Only a deactivated tenant can go, so nobody is signed in to it then.
 * `domain`, when given, is the console's typed confirmation: it must name this tenant.
 */
export async function deleteTenant(client: Db, actor: Actor, input: { id: number; domain?: string }) {
  return client.$transaction(
    async (tx) => {
      const tenant = await ownTenant(tx, input.id);
      if (input.domain !== undefined && input.domain.toLowerCase() !== tenant.domain) {
        throw new AppError("INVALID_INPUT", `Type ${tenant.domain} to confirm.`, { field: "domain" });
      }
      if (tenant.active) throw new AppError("CONFLICT", `Deactivate ${tenant.domain} before deleting it.`);
      const users = await tx.user.count({ where: { tenantId: tenant.id } });
      const roles = await tx.role.count({ where: { tenantId: tenant.id } });
      await tx.setting.deleteMany({ where: { key: { in: [scopeCatalogKey(tenant.id), mappingVersionKey(tenant.id)] } } });
      await tx.tenant.delete({ where: { id: tenant.id } });
      await recordAudit(tx, {
        tenantId: actor.tenantId,
        ...by(actor),
        action: "tenant.deleted",
        target: { type: "tenant", id: tenant.id, name: tenant.domain },
        before: { users, roles },
      });
      return { id: tenant.id, domain: tenant.domain, users, roles };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}
