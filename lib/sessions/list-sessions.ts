import type { Db } from "../db/client.ts";
import { fetchPage, type Page, type TPageParams } from "../paging.ts";
import { nameKey, qualifiedName } from "../stores/domains.ts";

export type SessionRow = {
  id: string;
  user: string;
  kind: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string;
  userAgent: string;
};

/** Open sessions of a tenant, most recently active first, optionally of users whose name starts with `user`. */
export async function listActiveSessions(
  client: Db,
  tenantId: number,
  idleTimeoutMs: number,
  params: TPageParams & { user?: string },
): Promise<Page<SessionRow>> {
  const now = new Date();
  const user = params.user ? { user: { usernameKey: { startsWith: nameKey(params.user) } } } : {};
  return fetchPage(params, async (skip, take) => {
    const rows = await client.session.findMany({
      where: { tenantId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - idleTimeoutMs) }, ...user },
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      skip,
      take,
      select: {
        id: true,
        kind: true,
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        ip: true,
        userAgent: true,
        user: { select: { username: true, store: { select: { domain: true } } } },
      },
    });
    return rows.map(({ user, ...s }) => ({ ...s, user: qualifiedName(user.store.domain, user.username) }));
  });
}
