import type { Db } from "../db/client.ts";
import { empty, join, sql, type Sql } from "../db/sql.ts";
import { decodeCursor, keysetPage, type Cursor, type CursorShape, type KeysetPage } from "../keyset.ts";
import { qualifiedName } from "../core/domains.ts";
import { namePatternSql, parseNamePattern, toLike } from "../stores/name-pattern.ts";

export type UserSort = "username" | "domain";
export type ListUsersParams = {
  pattern?: string;
  storeId?: number;
  claim?: string;
  claimValue?: string;
  sort: UserSort;
  dir: "asc" | "desc";
  size: number;
  after?: string;
  before?: string;
};

export type UserListRow = {
  id: number;
  version: number;
  username: string;
  domain: string;
  readOnly: boolean;
  roles: string[];
  roleCount: number;
  isAdminMember: boolean;
  grants: string[];
};

type Raw = {
  id: number | bigint;
  version: number | bigint;
  username: string;
  usernameKey: string;
  storeId: number | bigint;
  domain: string;
  readOnly: number | boolean;
};

const ROLES_SHOWN = 5;

/**
 * One page of a tenant's users, filtered and ordered in the database and paged by keyset:
 * never a whole-table load, never a count. Each page costs two queries, whatever its size.
 */
export async function listUsers(client: Db, tenantId: number, params: ListUsersParams): Promise<KeysetPage<UserListRow>> {
  const shape: CursorShape = params.sort === "domain" ? ["int", "string", "int"] : ["string", "int"];
  const after = decodeCursor(params.after, shape);
  const before = after ? undefined : decodeCursor(params.before, shape);
  const forward = !before;
  const ascending = (params.dir === "asc") === forward;
  const order = ascending ? sql`ASC` : sql`DESC`;
  const keyColumns = params.sort === "domain" ? [sql`u."storeId"`, sql`u."usernameKey"`, sql`u."id"`] : [sql`u."usernameKey"`, sql`u."id"`];
  const cursor = after ?? before;

  const rows = await client.$queryRaw<Raw[]>(sql`
    SELECT u."id", u."version", u."username", u."usernameKey", u."storeId", s."domain", s."readOnly"
    FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
    WHERE ${userFilter(tenantId, params)}
    ${cursor && cursor.length === keyColumns.length ? sql` AND (${join(keyColumns)}) ${ascending ? sql`>` : sql`<`} (${join(cursor)})` : empty}
    ORDER BY ${join(keyColumns.map((c) => sql`${c} ${order}`))}
    LIMIT ${params.size + 1}`);

  const page = keysetPage(rows, params.size, (r) => cursorOf(r, params.sort), { forward, hadCursor: cursor !== undefined });
  const roles = await rolesOf(
    client,
    page.rows.map((r) => Number(r.id)),
  );
  return {
    ...page,
    rows: page.rows.map((r) => {
      const held = roles.get(Number(r.id)) ?? [];
      const names = held.map((h) => h.name);
      return {
        id: Number(r.id),
        version: Number(r.version),
        username: r.username,
        domain: r.domain,
        readOnly: Boolean(r.readOnly),
        roles: names.slice(0, ROLES_SHOWN),
        roleCount: names.length,
        isAdminMember: held.some((h) => h.kind === "admin"),
        grants: [...new Set(held.flatMap((h) => h.grants))],
      };
    }),
  };
}

export type UserFilter = Pick<ListUsersParams, "pattern" | "storeId" | "claim" | "claimValue">;

function userFilter(tenantId: number, params: UserFilter): Sql {
  return sql`u."tenantId" = ${tenantId}
    ${params.storeId ? sql` AND u."storeId" = ${params.storeId}` : empty}
    ${namePatternSql(sql`u."usernameKey"`, parseNamePattern(params.pattern))}
    ${claimFilter(params.claim, params.claimValue)}`;
}

/** How many users listUsers would return over all its pages: one COUNT, for the MI's unpaged lists. */
export async function countUsers(client: Db, tenantId: number, params: UserFilter): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number | bigint }[]>(
    sql`SELECT COUNT(*) AS "n" FROM "User" u WHERE ${userFilter(tenantId, params)}`,
  );
  return Number(row?.n ?? 0);
}

function cursorOf(row: Raw, sort: UserSort): Cursor {
  return sort === "domain" ? [Number(row.storeId), row.usernameKey, Number(row.id)] : [row.usernameKey, Number(row.id)];
}

function claimFilter(claim: string | undefined, value: string | undefined): Sql {
  if (!claim) return empty;
  const like = toLike((value ?? "*").trim().toLowerCase() || "*");
  return sql` AND EXISTS (SELECT 1 FROM "UserClaim" c WHERE c."userId" = u."id" AND c."claim" = ${claim} AND lower(c."value") LIKE ${like} ESCAPE '\\')`;
}

/** A row as shown to a browser or script: what a user holds only decides the console's row actions on the server. */
export function withoutGrants({ grants, ...row }: UserListRow): Omit<UserListRow, "grants"> {
  void grants;
  return row;
}

type HeldRole = { name: string; kind: string; grants: string[] };

/** The roles of a page of users and what they grant, in one query. */
async function rolesOf(client: Db, userIds: number[]): Promise<Map<number, HeldRole[]>> {
  if (userIds.length === 0) return new Map();
  const memberships = await client.membership.findMany({
    where: { userId: { in: userIds } },
    select: {
      userId: true,
      role: { select: { name: true, kind: true, store: { select: { domain: true } }, grants: { select: { permission: true } } } },
    },
    orderBy: [{ userId: "asc" }, { roleId: "asc" }],
  });
  const byUser = new Map<number, HeldRole[]>();
  for (const m of memberships) {
    const list = byUser.get(m.userId) ?? [];
    list.push({ name: qualifiedName(m.role.store.domain, m.role.name), kind: m.role.kind, grants: m.role.grants.map((g) => g.permission) });
    byUser.set(m.userId, list);
  }
  return byUser;
}
