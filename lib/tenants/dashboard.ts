import type { Db } from "../db/client.ts";
import { can } from "../authz/decide.ts";
import type { Principal } from "../authz/principal.ts";

// Past this, the home page says "100,000+" instead of counting a huge table on every visit.
export const COUNT_CAP = 100_000;

export type DashboardCounts = { users?: number; roles?: number; scopes?: number; sessions?: number };

/** The counts on the home page, each only for someone allowed to see that list. */
export async function dashboardCounts(client: Db, principal: Principal, idleTimeoutMs: number): Promise<DashboardCounts> {
  const tenantId = principal.tenantId;
  const now = new Date();
  const [users, roles, scopes, sessions] = await Promise.all([
    can(principal, "users.list") ? client.user.count({ where: { tenantId }, take: COUNT_CAP + 1 }) : undefined,
    can(principal, "roles.list") ? client.role.count({ where: { tenantId, kind: { not: "system" } } }) : undefined,
    can(principal, "scopes.manage") ? client.apiScope.count({ where: { tenantId } }) : undefined,
    can(principal, "sessions.list")
      ? client.session.count({
          where: { tenantId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - idleTimeoutMs) } },
          take: COUNT_CAP + 1,
        })
      : undefined,
  ]);
  return { users, roles, scopes, sessions };
}
