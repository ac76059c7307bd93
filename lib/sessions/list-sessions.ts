import type { Db } from "../db/client.ts";
import { escapeLike } from "../db/like.ts";
import { empty, raw, sql, type Sql } from "../db/sql.ts";
import { fetchPage, type Page, type TPageParams } from "../paging.ts";
import { nameKey, qualifiedName } from "../core/domains.ts";

export type SessionRow = {
  id: string;
  user: string;
  kind: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string;
  userAgent: string;
  /** OAuth2 grants only: the client's name and the scopes granted at issue. */
  oauth: { client: string; scopes: string } | null;
};

/**
 * The open sessions of a tenant, as a WHERE over "Session" aliased `alias`: neither revoked nor
 * expired, and active within the idle timeout unless an OAuth2 grant, which has none (its
 * refresh token bounds it). The Sessions page lists these and the home page counts them.
 */
export function openSessionsWhere(alias: string, tenantId: number, idleTimeoutMs: number, now: Date): Sql {
  const s = raw(`"${alias}"`);
  const idleSince = new Date(now.getTime() - idleTimeoutMs);
  return sql`${s}."tenantId" = ${tenantId} AND ${s}."revokedAt" IS NULL AND ${s}."expiresAt" > ${now}
    AND (${s}."kind" = 'oauth' OR ${s}."lastSeenAt" > ${idleSince})`;
}

/**
 * Open sessions of a tenant, most recently active first, optionally of users whose name starts
 * with `user` (literally: `_` and `%` are not wildcards), or of one user (`userId`, a user's Sessions tab). The page of
 * ids comes from raw SQL,
 * since Prisma's startsWith cannot escape LIKE; the rows are then loaded by id. OAuth2 grants
 * have no idle timeout (their refresh token bounds them), so they stay listed until they end.
 */
export async function listActiveSessions(
  client: Db,
  tenantId: number,
  idleTimeoutMs: number,
  params: TPageParams & { user?: string; userId?: number },
): Promise<Page<SessionRow>> {
  const prefix = params.user ? sql` AND u."usernameKey" LIKE ${`${escapeLike(nameKey(params.user))}%`} ESCAPE '\\'` : empty;
  const owner = params.userId === undefined ? empty : sql` AND s."userId" = ${params.userId}`;
  return fetchPage(params, async (skip, take) => {
    const page = await client.$queryRaw<{ id: string }[]>(sql`
      SELECT s."id" FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE ${openSessionsWhere("s", tenantId, idleTimeoutMs, new Date())} ${prefix}${owner}
      ORDER BY s."lastSeenAt" DESC, s."id" ASC
      LIMIT ${take} OFFSET ${skip}`);
    const rows = await client.session.findMany({
      where: { tenantId, id: { in: page.map((p) => p.id) } },
      select: {
        id: true,
        kind: true,
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        ip: true,
        userAgent: true,
        user: { select: { username: true, store: { select: { domain: true } } } },
        oauth: { select: { scopes: true, client: { select: { name: true } } } },
      },
    });
    const byId = new Map(
      rows.map(({ user, oauth, ...s }) => [
        s.id,
        {
          ...s,
          user: qualifiedName(user.store.domain, user.username),
          oauth: oauth && { client: oauth.client.name, scopes: oauth.scopes },
        },
      ]),
    );
    return page.flatMap((p) => byId.get(p.id) ?? []);
  });
}
