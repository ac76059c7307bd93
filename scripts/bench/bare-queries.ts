// The SQL a signed-in /users or /roles request costs, sent straight through the driver the
// console uses (better-sqlite3 or pg), with no framework around it: the bare baseline of
// scripts/bench/bare-server.ts. The statements copy the shape of lib/sessions/resolve-session.ts,
// lib/authz/principal.ts, lib/stores/list-stores.ts, lib/user-stores/database-reads.ts,
// lib/user-stores/hybrid-memberships.ts and lib/roles/list-roles.ts; keep them in step.
import Database from "better-sqlite3";
import pg from "pg";
import { empty, join, sql, type Sql } from "../../lib/db/sql.ts";
import { resolveDbTarget } from "../../lib/db/target.ts";
import { decodeCursor, keysetPage, type KeysetPage } from "../../lib/keyset.ts";
import { namePatternSql, parseNamePattern, toLike } from "../../lib/stores/name-pattern.ts";
import type { TUserListParams } from "../../lib/users/list-params.ts";

type Row = Record<string, unknown>;
export type Run = (query: Sql) => Promise<Row[]>;

/** A query runner on DATABASE_URL: one better-sqlite3 connection, or a pg pool as large as lib/db/client.ts makes. */
export function connect(): { run: Run; close: () => Promise<void> } {
  const target = resolveDbTarget();
  if (target.provider === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return { run: async (q) => (await pool.query(q.text, q.values)).rows as Row[], close: () => pool.end() };
  }
  const conn = new Database(target.file, { timeout: 5000 });
  conn.pragma("journal_mode = WAL");
  const statements = new Map<string, Database.Statement>();
  const run: Run = async (q) => {
    let statement = statements.get(q.sql);
    if (!statement) statements.set(q.sql, (statement = conn.prepare(q.sql)));
    return statement.all(...(q.values as unknown[])) as Row[];
  };
  return {
    run,
    close: async () => {
      conn.close();
    },
  };
}

export type Principal = { userId: number; tenantId: number; grants: string[] };

// The user's grants by (tenant, user, authorization version), as lib/authz/subject-cache.ts keeps them.
const grantsByVersion = new Map<string, string[]>();

/**
 * The session row with its user and the tenant's authorization version (one indexed read), then
 * the user's roles and grants only when that version is new to this process: as resolveSession does.
 */
export async function sessionPrincipal(run: Run, sessionId: string): Promise<Principal | null> {
  const [session] = await run(sql`SELECT se."tenantId", se."userId", se."expiresAt", se."revokedAt", se."lastSeenAt",
      u."username", u."mustChangePassword", st."domain", v."version" AS "authzVersion"
    FROM "Session" se JOIN "User" u ON u."id" = se."userId" JOIN "UserStore" st ON st."id" = u."storeId"
    LEFT JOIN "AuthzVersion" v ON v."tenantId" = se."tenantId"
    WHERE se."id" = ${sessionId}`);
  if (!session || session.revokedAt !== null || new Date(session.expiresAt as string) <= new Date()) return null;
  const tenantId = Number(session.tenantId);
  const userId = Number(session.userId);
  const key = `${tenantId}:${userId}:${Number(session.authzVersion ?? 0)}`;
  let grants = grantsByVersion.get(key);
  if (!grants) {
    const rows = await run(sql`SELECT r."id", r."name", r."kind", st."domain", g."permission"
      FROM "Role" r JOIN "UserStore" st ON st."id" = r."storeId" LEFT JOIN "RoleGrant" g ON g."roleId" = r."id"
      WHERE r."tenantId" = ${tenantId}
        AND (r."kind" = 'everyone' OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."roleId" = r."id" AND m."userId" = ${userId}))`);
    grants = [...new Set(rows.map((g) => String(g.permission)))];
    grantsByVersion.set(key, grants);
  }
  return { userId, tenantId, grants };
}

export type UserRow = { id: number; username: string; domain: string; readOnly: boolean; roles: string[] };

/** The stores, one keyset page of users and the roles they hold: the queries usersPageQuery runs. */
export async function usersPage(run: Run, tenantId: number, p: TUserListParams): Promise<KeysetPage<UserRow>> {
  const stores = await run(sql`SELECT "id", "domain", "kind" FROM "UserStore" WHERE "tenantId" = ${tenantId} ORDER BY "id"`);
  const store = p.domain ? stores.find((s) => String(s.domain).toUpperCase() === p.domain!.toUpperCase()) : undefined;
  if (p.domain && !store) return { rows: [], next: null, prev: null };
  const shape = p.sort === "domain" ? (["int", "string", "int"] as const) : (["string", "int"] as const);
  const after = decodeCursor(p.after, shape);
  const before = after ? undefined : decodeCursor(p.before, shape);
  const cursor = after ?? before;
  const ascending = (p.dir === "asc") === !before;
  const keys = p.sort === "domain" ? [sql`u."storeId"`, sql`u."usernameKey"`, sql`u."id"`] : [sql`u."usernameKey"`, sql`u."id"`];
  const claim = p.claim
    ? sql` AND EXISTS (SELECT 1 FROM "UserClaim" c WHERE c."userId" = u."id" AND c."claim" = ${p.claim}
        AND lower(c."value") LIKE ${toLike((p.value ?? "*").trim().toLowerCase() || "*")} ESCAPE '\\')`
    : empty;
  const rows = await run(sql`
    SELECT u."id", u."version", u."username", u."usernameKey", u."storeId", s."domain", s."readOnly"
    FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
    WHERE u."tenantId" = ${tenantId}
    ${store ? sql` AND u."storeId" = ${Number(store.id)}` : empty}
    ${namePatternSql(sql`u."usernameKey"`, parseNamePattern(p.q))}${claim}
    ${cursor && cursor.length === keys.length ? sql` AND (${join(keys)}) ${ascending ? sql`>` : sql`<`} (${join(cursor)})` : empty}
    ORDER BY ${join(keys.map((k) => sql`${k} ${ascending ? sql`ASC` : sql`DESC`}`))}
    LIMIT ${p.size + 1}`);
  const cursorOf = (r: Row) =>
    p.sort === "domain" ? [Number(r.storeId), String(r.usernameKey), Number(r.id)] : [String(r.usernameKey), Number(r.id)];
  const page = keysetPage(rows, p.size, cursorOf, { forward: !before, hadCursor: cursor !== undefined });
  const ids = page.rows.map((r) => Number(r.id));
  const held = ids.length
    ? await run(sql`SELECT m."userId", r."id", r."name", r."kind", st."domain", st."kind" AS "storeKind", st."readOnly", g."permission"
        FROM "Membership" m JOIN "Role" r ON r."id" = m."roleId" JOIN "UserStore" st ON st."id" = r."storeId"
        LEFT JOIN "RoleGrant" g ON g."roleId" = r."id"
        WHERE m."userId" IN (${join(ids)}) ORDER BY m."userId", m."roleId"`)
    : [];
  const rolesOf = (id: number) => [
    ...new Set(held.filter((h) => Number(h.userId) === id).map((h) => `${String(h.domain)}/${String(h.name)}`)),
  ];
  const users = page.rows.map((r) => ({
    id: Number(r.id),
    username: String(r.username),
    domain: String(r.domain),
    readOnly: Boolean(r.readOnly),
    roles: rolesOf(Number(r.id)),
  }));
  return { ...page, rows: users };
}

export type RoleRow = { id: number; name: string; domain: string; members: number; grants: number };

/** The roles list's first page with the maintained member counts and the grants, as listRoles reads it. */
export async function rolesPage(run: Run, tenantId: number, size: number): Promise<RoleRow[]> {
  const rows = await run(sql`
    SELECT r."id", r."version", r."name", r."nameKey", r."kind", r."memberCount", s."domain", s."readOnly"
    FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId"
    WHERE r."tenantId" = ${tenantId} AND r."kind" <> 'system'
      AND NOT (s."kind" = 'internal' AND r."nameKey" LIKE 'system\\_%' ESCAPE '\\')
    ORDER BY r."nameKey" ASC, r."id" ASC LIMIT ${size + 1}`);
  const ids = rows.slice(0, size).map((r) => Number(r.id));
  if (ids.length === 0) return [];
  const grants = await run(sql`SELECT "roleId", "permission" FROM "RoleGrant" WHERE "roleId" IN (${join(ids)})`);
  return rows.slice(0, size).map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    domain: String(r.domain),
    members: Number(r.memberCount),
    grants: grants.filter((g) => Number(g.roleId) === Number(r.id)).length,
  }));
}
