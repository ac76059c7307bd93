import type { Db } from "../db/client.ts";
import { empty, join, sql } from "../db/sql.ts";
import { decodeCursor, keysetPage, type KeysetPage } from "../keyset.ts";
import { qualifiedName } from "../stores/domains.ts";
import { namePatternSql, parseNamePattern } from "../users/name-pattern.ts";

export type RoleMember = { id: number; username: string; domain: string; qualified: string; readOnly: boolean };
type Raw = { id: number | bigint; username: string; usernameKey: string; domain: string; readOnly: number | boolean };

// Past this many members, walking the username index and probing memberships finds a page
// sooner than collecting and sorting every member.
const LARGE_ROLE = 1000;

/** View Users: one page of a role's members by name, for roles of any size. */
export async function listRoleMembers(
  client: Db,
  tenantId: number,
  role: { id: number; memberCount: number },
  params: { pattern?: string; size: number; after?: string; before?: string },
): Promise<KeysetPage<RoleMember>> {
  const after = decodeCursor(params.after, ["string", "int"]);
  const before = after ? undefined : decodeCursor(params.before, ["string", "int"]);
  const cursor = after ?? before;
  const forward = !before;
  const keys = [sql`u."usernameKey"`, sql`u."id"`];
  const membership =
    role.memberCount > LARGE_ROLE
      ? sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id" AND m."roleId" = ${role.id})`
      : sql`u."id" IN (SELECT m."userId" FROM "Membership" m WHERE m."roleId" = ${role.id})`;
  const rows = await client.$queryRaw<Raw[]>(sql`
    SELECT u."id", u."username", u."usernameKey", s."domain", s."readOnly"
    FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
    WHERE u."tenantId" = ${tenantId} AND ${membership}
    ${namePatternSql(sql`u."usernameKey"`, parseNamePattern(params.pattern))}
    ${cursor?.length === 2 ? sql` AND (${join(keys)}) ${forward ? sql`>` : sql`<`} (${join(cursor)})` : empty}
    ORDER BY u."usernameKey" ${forward ? sql`ASC` : sql`DESC`}, u."id" ${forward ? sql`ASC` : sql`DESC`}
    LIMIT ${params.size + 1}`);
  const page = keysetPage(rows, params.size, (r) => [r.usernameKey, Number(r.id)], { forward, hadCursor: cursor !== undefined });
  return {
    ...page,
    rows: page.rows.map((r) => ({ id: Number(r.id), username: r.username, domain: r.domain, qualified: qualifiedName(r.domain, r.username), readOnly: Boolean(r.readOnly) })),
  };
}
