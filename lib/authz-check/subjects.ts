/**
 * Loads what the decision API needs about many users at once, into a snapshot: per chunk of
 * names, ONE statement for the users with their role ids, then ONE for the roles not compiled
 * yet with their grants (the tenant's Internal/everyone roles come with the snapshot's first
 * load: every user holds them without a membership). The number of statements depends on the
 * number of distinct cold users (CHUNK per statement), never on the number of checks.
 */
import type { Db } from "../db/client.ts";
import { join, sql } from "../db/sql.ts";
import { nameKey, qualifiedName, splitQualifiedName } from "../core/domains.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { compileRole, compileUser, type CompiledRole, type CompiledUser } from "./compiled.ts";

/** The cache key for a username: "alice", "PRIMARY/Alice" and "primary/ALICE" are the same user. */
export function userKey(username: string): string {
  const { domain, name } = splitQualifiedName(username.trim());
  return `${domain.toUpperCase()}/${nameKey(name)}`;
}

// Well under every driver's bound-parameter limit (SQLite's was 999 in older builds).
const CHUNK = 500;

/** What a snapshot keeps between loads: compiled roles, and whether the everyone roles are in. */
export type RoleTable = { roles: Map<number, CompiledRole>; everyone?: CompiledRole[] };

type UserRow = { id: number | bigint; usernameKey: string; domain: string; off: number | bigint | boolean; roleId: number | bigint | null };
type RoleRow = { id: number | bigint; name: string; kind: string; domain: string; tenantDomain: string; permission: string | null };

/** The users behind `keys` (userKey form); a key with no user maps to null. */
export async function loadUsers(
  db: Db,
  tenantId: number,
  table: RoleTable,
  keys: readonly string[],
): Promise<Map<string, CompiledUser | null>> {
  const found = new Map<string, CompiledUser | null>(keys.map((k) => [k, null]));
  const rows: UserRow[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const names = [...new Set(keys.slice(i, i + CHUNK).map((k) => k.slice(k.indexOf("/") + 1)))];
    rows.push(
      ...(await db.$queryRaw<UserRow[]>(sql`
        SELECT u."id", u."usernameKey", s."domain", m."roleId",
          CASE WHEN u."disabledAt" IS NULL AND s."enabled" THEN 0 ELSE 1 END AS "off"
        FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId" LEFT JOIN "Membership" m ON m."userId" = u."id"
        WHERE u."tenantId" = ${tenantId} AND u."usernameKey" IN (${join(names)})`)),
    );
  }
  const wantedRoles = new Set<number>();
  // A disabled user, or a disabled store's, holds nothing: every check of theirs is denied.
  const byKey = new Map<string, { id: number; off: boolean; roleIds: number[] }>();
  for (const r of rows) {
    const key = `${r.domain.toUpperCase()}/${r.usernameKey}`;
    if (!found.has(key)) continue; // the same name in a store nobody asked about
    const user = byKey.get(key) ?? { id: Number(r.id), off: Number(r.off) === 1, roleIds: [] };
    byKey.set(key, user);
    if (r.roleId !== null && !user.off) {
      user.roleIds.push(Number(r.roleId));
      if (!table.roles.has(Number(r.roleId))) wantedRoles.add(Number(r.roleId));
    }
  }
  await loadRoles(db, tenantId, table, [...wantedRoles]);
  for (const [key, user] of byKey) {
    // A role id with no compiled role is an everyone role (listed once, below) or one of another tenant.
    const held = user.roleIds.map((id) => table.roles.get(id)).filter((r): r is CompiledRole => r !== undefined);
    const everyone = table.everyone ?? [];
    found.set(key, compileUser(user.id, user.off ? [] : [...held.filter((r) => !everyone.includes(r)), ...everyone]));
  }
  return found;
}

async function loadRoles(db: Db, tenantId: number, table: RoleTable, ids: readonly number[]): Promise<void> {
  const rows: RoleRow[] = [];
  const select = sql`SELECT r."id", r."name", r."kind", s."domain", t."domain" AS "tenantDomain", g."permission"
    FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId" JOIN "Tenant" t ON t."id" = r."tenantId"
    LEFT JOIN "RoleGrant" g ON g."roleId" = r."id"`;
  if (!table.everyone)
    rows.push(...(await db.$queryRaw<RoleRow[]>(sql`${select} WHERE r."tenantId" = ${tenantId} AND r."kind" = 'everyone'`)));
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(
      ...(await db.$queryRaw<RoleRow[]>(sql`${select} WHERE r."tenantId" = ${tenantId} AND r."id" IN (${join(ids.slice(i, i + CHUNK))})`)),
    );
  }
  const grouped = new Map<number, { name: string; kind: string; superTenant: boolean; grants: string[] }>();
  for (const r of rows) {
    const superTenant = r.tenantDomain === SUPER_TENANT;
    const role = grouped.get(Number(r.id)) ?? { name: qualifiedName(r.domain, r.name), kind: r.kind, superTenant, grants: [] };
    grouped.set(Number(r.id), role);
    if (r.permission !== null) role.grants.push(r.permission);
  }
  const everyone: CompiledRole[] = [];
  for (const [id, r] of grouped) {
    const compiled = compileRole(id, r.name, r.grants, r.superTenant);
    table.roles.set(id, compiled);
    if (r.kind === "everyone") everyone.push(compiled);
  }
  table.everyone ??= everyone;
}
