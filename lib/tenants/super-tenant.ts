import { FEATURES, type FeatureKey } from "../authz/features.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";

/**
 * Tenant management is the super tenant's alone. The permission check cannot say so: a
 * tenant's admin role holds "/permission", and with it the Super Admin Permissions beneath.
 * So every tenant command also asks which tenant the actor is in, and refuses in the words
 * decide() uses for a missing permission, so the refusal tells nothing more.
 *
 * `actor.superTenant` comes from the tenant's domain as the session check read it on this
 * request, and no command renames a tenant, so asking the database again (an ORM read that cost
 * ~1.6 ms of every /tenants page) would learn nothing new.
 */
export function assertSuperTenantActor(actor: Actor, feature: FeatureKey): void {
  if (!actor.superTenant) {
    throw new AppError("FORBIDDEN", `You do not have permission to ${FEATURES[feature].label.toLowerCase()}.`);
  }
}

/** The one refusal for a tenant that is not there, or is the super tenant (which no tenant command changes). */
export const tenantNotFound = () => new AppError("NOT_FOUND", "No such tenant.");
