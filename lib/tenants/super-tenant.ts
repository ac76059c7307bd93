import type { Db, Tx } from "../db/client.ts";
import { FEATURES, type FeatureKey } from "../authz/features.ts";
import type { Actor } from "../authz/principal.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { AppError } from "../errors.ts";

/**
 * Tenant management is the super tenant's alone. The permission check cannot say so: a
 * tenant's admin role holds "/permission", and with it the Super Admin Permissions beneath.
 * So every tenant command also asks which tenant the actor is in, and refuses in the words
 * decide() uses for a missing permission, so the refusal tells nothing more.
 */
export async function assertSuperTenantActor(client: Db | Tx, actor: Actor, feature: FeatureKey): Promise<void> {
  const tenant = await client.tenant.findUnique({ where: { id: actor.tenantId }, select: { domain: true } });
  if (tenant?.domain !== SUPER_TENANT) {
    throw new AppError("FORBIDDEN", `You do not have permission to ${FEATURES[feature].label.toLowerCase()}.`);
  }
}

/** The one refusal for a tenant that is not there, or is the super tenant (which no tenant command changes). */
export const tenantNotFound = () => new AppError("NOT_FOUND", "No such tenant.");
