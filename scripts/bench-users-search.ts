// bench:users' search and member-count cases (issue #12), each beside a raw-SQL baseline run
// straight through the driver in the same run: for the searches, the plain LIKE query the
// user list sent before the trigram indexes (same rows, so a fair yardstick); for the role
// list and the role page, the member COUNTs they ran before the maintained counter.
import Database from "better-sqlite3";
import pg from "pg";
import type { Db } from "../lib/db/client.ts";
import { empty, join, sql, type Sql } from "../lib/db/sql.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { getRole } from "../lib/roles/get-role.ts";
import { listRoles } from "../lib/roles/list-roles.ts";
import { namePatternSql, parseNamePattern, toLike } from "../lib/stores/name-pattern.ts";
import { listUsers, type ListUsersParams } from "../lib/users/list-users.ts";

export type RawRunner = { rows: (q: Sql) => Promise<Record<string, unknown>[]>; close: () => Promise<void> };

/** The driver itself, on its own connection: no Prisma between the query and the database. */
export async function rawRunner(target: DbTarget): Promise<RawRunner> {
  if (target.provider === "sqlite") {
    const conn = new Database(target.file, { readonly: true });
    return {
      rows: async (q) => conn.prepare(q.sql).all(...(q.values as unknown[])) as Record<string, unknown>[],
      close: async () => void conn.close(),
    };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return { rows: async (q) => (await client.query(q.text, q.values)).rows, close: () => client.end() };
}

export type PairedCase = {
  name: string;
  /** The page the app shows, through lib/; returns the row ids, compared once with the baseline's. */
  run: (c: Db) => Promise<number[]>;
  baseline: () => Promise<number[]>;
};

type Context = { tenantId: number; size: number; roleIds: Map<string, number>; raw: RawRunner };

const EMAIL = "http://wso2.org/claims/emailaddress";

/** The user list's query as it was before migration 0008: LIKE only, nothing else in the way. */
function plainUserPage(tenantId: number, size: number, pattern?: string, claim?: { claim: string; value: string }): Sql {
  const claimSql = claim
    ? sql` AND EXISTS (SELECT 1 FROM "UserClaim" c WHERE c."userId" = u."id" AND c."claim" = ${claim.claim}
        AND lower(c."value") LIKE ${toLike(claim.value.toLowerCase())} ESCAPE '\\')`
    : empty;
  return sql`SELECT u."id" FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
    WHERE u."tenantId" = ${tenantId} ${namePatternSql(sql`u."usernameKey"`, parseNamePattern(pattern))}${claimSql}
    ORDER BY u."usernameKey" ASC, u."id" ASC LIMIT ${size + 1}`;
}

const ids = (rows: Record<string, unknown>[], size: number) => rows.slice(0, size).map((r) => Number(r.id));

export function searchAndCountCases({ tenantId, size, roleIds, raw }: Context): PairedCase[] {
  const users = (c: Db, p: Partial<ListUsersParams>) =>
    listUsers(c, tenantId, { sort: "username", dir: "asc", size, ...p }).then((r) => r.rows.map((u) => u.id));
  const search = (name: string, pattern: string): PairedCase => ({
    name,
    run: (c) => users(c, { pattern }),
    baseline: async () => ids(await raw.rows(plainUserPage(tenantId, size, pattern)), size),
  });
  // The console's and the CLI's default (#14): no user is named exactly this, so the rows are `*text*`'s.
  const contains = (name: string, text: string): PairedCase => ({
    name,
    run: (c) => users(c, { search: text }),
    baseline: async () => ids(await raw.rows(plainUserPage(tenantId, size, `*${text}*`)), size),
  });
  const team = roleIds.get("team_07")!;
  return [
    search("search: infix *ops*", "*ops*"),
    search("search: suffix *99999", "*99999"),
    search("search: infix, no match *zzz*", "*zzz*"),
    contains("search text ops (new default)", "ops"),
    contains("search text smith (new default)", "smith"),
    contains("search text 99999 (new default)", "99999"),
    contains("search text zzz (new default)", "zzz"),
    {
      name: "search: claim email *@acme.com",
      run: (c) => users(c, { claim: EMAIL, claimValue: "*@acme.com" }),
      baseline: async () => ids(await raw.rows(plainUserPage(tenantId, size, undefined, { claim: EMAIL, value: "*@acme.com" })), size),
    },
    {
      name: "search: claim email, rare *9999@acme.com",
      run: (c) => users(c, { claim: EMAIL, claimValue: "*9999@acme.com" }),
      baseline: async () => ids(await raw.rows(plainUserPage(tenantId, size, undefined, { claim: EMAIL, value: "*9999@acme.com" })), size),
    },
    {
      // The old list: the page of roles, then COUNT(*) of memberships grouped by role for it.
      name: "roles list: first page (member counts)",
      run: async (c) => (await listRoles(c, tenantId, { dir: "asc", size })).rows.map((r) => r.memberCount),
      baseline: async () => {
        const page = await raw.rows(sql`SELECT r."id" FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId"
          WHERE r."tenantId" = ${tenantId} AND r."kind" <> 'system' AND NOT (s."kind" = 'internal' AND r."nameKey" LIKE 'system\\_%' ESCAPE '\\')
          ORDER BY r."nameKey" ASC, r."id" ASC LIMIT ${size + 1}`);
        const roleIds = page.slice(0, size).map((r) => Number(r.id));
        const counts = await raw.rows(sql`SELECT "roleId", COUNT(*) AS "n" FROM "Membership"
          WHERE "roleId" IN (${join(roleIds)}) GROUP BY "roleId"`);
        const byRole = new Map(counts.map((r) => [Number(r.roleId), Number(r.n)]));
        return roleIds.map((id) => byRole.get(id) ?? 0);
      },
    },
    {
      name: "role page: team_07 (role and member count)",
      run: async (c) => [(await getRole(c, tenantId, team)).memberCount],
      baseline: async () => {
        await raw.rows(sql`SELECT "id", "name", "kind", "version" FROM "Role" WHERE "id" = ${team} AND "tenantId" = ${tenantId}`);
        return [Number((await raw.rows(sql`SELECT COUNT(*) AS "n" FROM "Membership" WHERE "roleId" = ${team}`))[0]!.n)];
      },
    },
  ];
}
