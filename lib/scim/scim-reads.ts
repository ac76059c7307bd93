/**
 * The SCIM endpoints' reads: one COUNT and one page per list, with the filter (filter-sql.ts),
 * order and OFFSET in the database, then the page's claims and groups (or members) in one
 * statement each. Every store's users, groups and memberships are rows here (an LDAP or JDBC
 * store's are its mirror, lib/user-stores/external), so SQL answers for all of them; the tenant
 * is in every statement's WHERE.
 */
import { date, int, readRows, readRowsByIds, text, type Reader } from "../db/raw-read.ts";
import { join, sql, type Sql } from "../db/sql.ts";

export type ScimUserRow = {
  id: number;
  version: number;
  username: string;
  usernameKey: string;
  domain: string;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};
export type ScimGroupRef = { id: number; name: string; domain: string };
export type ScimMemberRef = { id: number; username: string; domain: string };
export type ScimGroupRow = ScimGroupRef & { nameKey: string; version: number; createdAt: Date; updatedAt: Date };
export type Window = { offset: number; limit: number };

const userRow = (r: Record<string, unknown>): ScimUserRow => ({
  id: int(r.id),
  version: int(r.version),
  username: text(r.username),
  usernameKey: text(r.usernameKey),
  domain: text(r.domain),
  disabled: r.disabledAt !== null && r.disabledAt !== undefined,
  createdAt: date(r.createdAt),
  updatedAt: date(r.updatedAt),
});

/** The tenant's users matching `where` (over `u` and `s`): how many, and the window's rows in `order`. */
export async function readScimUsers(
  client: Reader,
  tenantId: number,
  where: Sql,
  order: Sql,
  window: Window,
  counted = true,
  after: Sql = sql`1=1`,
): Promise<{ total: number; rows: ScimUserRow[] }> {
  const from = sql`FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId" WHERE u."tenantId" = ${tenantId} AND ${where}`;
  const [total] = counted ? await readRows(client, sql`SELECT COUNT(*) AS "n" ${from}`, (r) => int(r.n)) : [undefined];
  const rows =
    window.limit > 0 && (total === undefined || total > window.offset)
      ? await readRows(
          client,
          sql`SELECT u."id", u."version", u."username", u."usernameKey", s."domain", u."disabledAt", u."createdAt", u."updatedAt" ${from} AND ${after}
            ORDER BY ${order} LIMIT ${window.limit} OFFSET ${window.offset}`,
          userRow,
        )
      : [];
  return { total: total ?? rows.length, rows };
}

/** The claims a page of users holds among `claims` (the dialect's mapped ones). */
export async function readUserClaims(
  client: Reader,
  ids: readonly number[],
  claims: readonly string[],
): Promise<Map<number, Record<string, string>>> {
  const rows = await readRowsByIds(
    client,
    ids,
    (list) => sql`SELECT c."userId", c."claim", c."value" FROM "UserClaim" c
      WHERE c."userId" IN (${list}) AND c."claim" IN (${join([...claims])}) AND c."value" <> ''`,
    (r) => ({ userId: int(r.userId), claim: text(r.claim), value: text(r.value) }),
  );
  const out = new Map<number, Record<string, string>>();
  for (const r of rows) out.set(r.userId, { ...out.get(r.userId), [r.claim]: r.value });
  return out;
}

/** The groups (roles) each of a page of users is a member of, of the same tenant. */
export async function readGroupsOfUsers(client: Reader, tenantId: number, ids: readonly number[]): Promise<Map<number, ScimGroupRef[]>> {
  const rows = await readRowsByIds(
    client,
    ids,
    (list) => sql`SELECT m."userId", r."id", r."name", s."domain" FROM "Membership" m
      JOIN "Role" r ON r."id" = m."roleId" JOIN "UserStore" s ON s."id" = r."storeId"
      WHERE m."userId" IN (${list}) AND r."tenantId" = ${tenantId} ORDER BY r."nameKey", r."id"`,
    (r) => ({ userId: int(r.userId), group: { id: int(r.id), name: text(r.name), domain: text(r.domain) } }),
  );
  const out = new Map<number, ScimGroupRef[]>();
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.group]);
  return out;
}

const groupRow = (r: Record<string, unknown>): ScimGroupRow => ({
  id: int(r.id),
  name: text(r.name),
  nameKey: text(r.nameKey),
  domain: text(r.domain),
  version: int(r.version),
  createdAt: date(r.createdAt),
  updatedAt: date(r.updatedAt),
});

/** The tenant's roles matching `where` (over `r` and `s`): how many, and the window's rows in `order`. */
export async function readScimGroups(
  client: Reader,
  tenantId: number,
  where: Sql,
  order: Sql,
  window: Window,
  counted = true,
  after: Sql = sql`1=1`,
): Promise<{ total: number; rows: ScimGroupRow[] }> {
  const from = sql`FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId" WHERE r."tenantId" = ${tenantId} AND ${where}`;
  const [total] = counted ? await readRows(client, sql`SELECT COUNT(*) AS "n" ${from}`, (r) => int(r.n)) : [undefined];
  const rows =
    window.limit > 0 && (total === undefined || total > window.offset)
      ? await readRows(
          client,
          sql`SELECT r."id", r."name", r."nameKey", s."domain", r."version", r."createdAt", r."updatedAt" ${from} AND ${after}
            ORDER BY ${order} LIMIT ${window.limit} OFFSET ${window.offset}`,
          groupRow,
        )
      : [];
  return { total: total ?? rows.length, rows };
}

/** The members of a page of roles, users of the same tenant, by name. */
export async function readMembers(client: Reader, tenantId: number, roleIds: readonly number[]): Promise<Map<number, ScimMemberRef[]>> {
  const rows = await readRowsByIds(
    client,
    roleIds,
    (list) => sql`SELECT m."roleId", u."id", u."username", s."domain" FROM "Membership" m
      JOIN "User" u ON u."id" = m."userId" JOIN "UserStore" s ON s."id" = u."storeId"
      WHERE m."roleId" IN (${list}) AND u."tenantId" = ${tenantId} ORDER BY u."usernameKey", u."id"`,
    (r) => ({ roleId: int(r.roleId), member: { id: int(r.id), username: text(r.username), domain: text(r.domain) } }),
  );
  const out = new Map<number, ScimMemberRef[]>();
  for (const r of rows) out.set(r.roleId, [...(out.get(r.roleId) ?? []), r.member]);
  return out;
}

/** Which of `userIds` are members of role `roleId`: a PATCH's adds and removes without reading the whole member list. */
export async function membersAmong(client: Reader, tenantId: number, roleId: number, userIds: readonly number[]): Promise<Set<number>> {
  const rows = await readRowsByIds(
    client,
    userIds,
    (list) => sql`SELECT m."userId" FROM "Membership" m JOIN "Role" r ON r."id" = m."roleId"
      WHERE m."roleId" = ${roleId} AND r."tenantId" = ${tenantId} AND m."userId" IN (${list})`,
    (r) => int(r.userId),
  );
  return new Set(rows);
}
