import type { Actor } from "../authz/principal.ts";
import { loadSubjectRoles } from "../authz/principal.ts";
import { can } from "../authz/decide.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { qualifiedName } from "../core/domains.ts";
import type { Db } from "../db/client.ts";

type JobActor = { tenantId: number; actorId: number; actorIp: string; onExisting: string; id: number };

/**
 * The admin who started an import, as they are now: the runner acts with their current roles
 * before every chunk, so an import stops when its starter is disabled, deleted or loses the
 * permission, just as their next request would be refused.
 */
export async function importActor(client: Db, job: JobActor): Promise<Actor | string> {
  const user = await client.user.findFirst({
    where: { id: job.actorId, tenantId: job.tenantId },
    select: {
      username: true,
      disabledAt: true,
      store: { select: { domain: true, enabled: true } },
      tenant: { select: { domain: true, active: true } },
    },
  });
  if (!user || user.disabledAt || !user.store.enabled || !user.tenant.active)
    return "The admin who started the import can no longer sign in.";
  const subject = await loadSubjectRoles(client, job.tenantId, job.actorId);
  const actor: Actor = {
    userId: job.actorId,
    tenantId: job.tenantId,
    tenantDomain: user.tenant.domain,
    superTenant: user.tenant.domain === SUPER_TENANT,
    username: user.username,
    displayName: qualifiedName(user.store.domain, user.username),
    sessionId: `import:${job.id}`,
    sessionKind: "api",
    mustChangePassword: false,
    ip: job.actorIp,
    ...subject,
  };
  if (!can(actor, "users.create")) return `${actor.displayName} no longer holds the permission to add users.`;
  if (job.onExisting === "update" && !(can(actor, "users.update") && can(actor, "users.profile"))) {
    return `${actor.displayName} no longer holds the permission to update users.`;
  }
  return actor;
}
