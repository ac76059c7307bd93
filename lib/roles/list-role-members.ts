import type { Db } from "../db/client.ts";
import { empty, join, sql, type Sql } from "../db/sql.ts";
import { decodeCursor, keysetPage, type KeysetPage } from "../keyset.ts";
import { qualifiedName } from "../core/domains.ts";
import { namePatternSql, parseNamePattern } from "../stores/name-pattern.ts";

export type RoleMember = { id: number; username: string; domain: string; qualified: string; readOnly: boolean };
type Raw = { id: number | bigint; username: string; usernameKey: string; domain: string; readOnly: number | boolean };

// Past this many members, walking the username index and probing memberships finds a page
// sooner than collecting and sorting every member.
const LARGE_ROLE = 1000;

type MemberFilter = { pattern?: string; storeId?: number };

function memberFilter(tenantId: number, role: { id: number; memberCount: number }, params: MemberFilter): Sql {
  const membership =
    role.memberCount > LARGE_ROLE
      ? sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id" AND m."roleId" = ${role.id})`
      : sql`u."id" IN (SELECT m."userId" FROM "Membership" m WHERE m."roleId" = ${role.id})`;
  return sql`u."tenantId" = ${tenantId} AND ${membership}
    ${params.storeId ? sql` AND u."storeId" = ${params.storeId}` : empty}
    ${namePatternSql(sql`u."usernameKey"`, parseNamePattern(params.pattern))}`;
}

/** How many members listRoleMembers would return over all its pages: one COUNT, for the MI's unpaged lists. */
export async function countRoleMembers(
  client: Db,
  tenantId: number,
  role: { id: number; memberCount: number },
  params: MemberFilter,
): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number | bigint }[]>(
    sql`SELECT COUNT(*) AS "n" FROM "User" u WHERE ${memberFilter(tenantId, role, params)}`,
  );
  return Number(row?.n ?? 0);
}

/** View Users: one page of a role's members by name, for roles of any size. */
export async function listRoleMembers(
  client: Db,
  tenantId: number,
  role: { id: number; memberCount: number },
  params: MemberFilter & { size: number; after?: string; before?: string },
): Promise<KeysetPage<RoleMember>> {
  const after = decodeCursor(params.after, ["string", "int"]);
  const before = after ? undefined : decodeCursor(params.before, ["string", "int"]);
  const cursor = after ?? before;
  const forward = !before;
  const keys = [sql`u."usernameKey"`, sql`u."id"`];
  const rows = await client.$queryRaw<Raw[]>(sql`
    SELECT u."id", u."username", u."usernameKey", s."domain", s."readOnly"
    FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
    WHERE ${memberFilter(tenantId, role, params)}
    ${cursor?.length === 2 ? sql` AND (${join(keys)}) ${forward ? sql`>` : sql`<`} (${join(cursor)})` : empty}
    ORDER BY u."usernameKey" ${forward ? sql`ASC` : sql`DESC`}, u."id" ${forward ? sql`ASC` : sql`DESC`}
    LIMIT ${params.size + 1}`);
  const page = keysetPage(rows, params.size, (r) => [r.usernameKey, Number(r.id)], { forward, hadCursor: cursor !== undefined });
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: Number(r.id),
      username: r.username,
      domain: r.domain,
      qualified: qualifiedName(r.domain, r.username),
      readOnly: Boolean(r.readOnly),
    })),
  };
}
