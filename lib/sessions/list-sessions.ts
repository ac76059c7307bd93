import type { Db } from "../db/client.ts";
import { fetchPage, type Page, type TPageParams } from "../paging.ts";
import { qualifiedName } from "../stores/domains.ts";

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

/** Open sessions of a tenant, most recently active first. */
export async function listActiveSessions(client: Db, tenantId: number, idleTimeoutMs: number, params: TPageParams): Promise<Page<SessionRow>> {
  const now = new Date();
  return fetchPage(params, async (skip, take) => {
    const rows = await client.session.findMany({
      where: { tenantId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - idleTimeoutMs) } },
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
