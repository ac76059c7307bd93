import type { Db } from "../lib/db/client.ts";
import { SUPER_TENANT } from "../lib/core/tenant.ts";
import { loadSubjectRoles, type Actor } from "../lib/authz/principal.ts";
import { qualifiedName } from "../lib/core/domains.ts";

/** The Actor a signed-in user would be, built the way session resolution builds it. */
export async function actorFor(db: Db, userId: number): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { store: true, tenant: { select: { domain: true } } } });
  const subject = await loadSubjectRoles(db, user.tenantId, user.id);
  return {
    ip: "198.51.100.7",
    userId: user.id,
    tenantId: user.tenantId,
    tenantDomain: user.tenant.domain,
    superTenant: user.tenant.domain === SUPER_TENANT,
    username: user.username,
    displayName: qualifiedName(user.store.domain, user.username),
    sessionId: "test-session",
    sessionKind: "console",
    mustChangePassword: false,
    ...subject,
  };
}
