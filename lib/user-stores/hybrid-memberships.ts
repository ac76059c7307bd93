import type { Tx } from "../db/client.ts";
import { isForeignKeyViolation } from "../db/errors.ts";
import { providerOf } from "../db/provider.ts";
import { bool, int, readRowsByIds, text, textOrNull } from "../db/raw-read.ts";
import { join, sql } from "../db/sql.ts";
import { AppError } from "../errors.ts";

import type { HeldRole, MembershipPair, Reader } from "./user-store.ts";

export type { MembershipPair };

// Three bound parameters a row: far below SQLite's 32766 and PostgreSQL's 65535 per statement.
const ROWS_PER_STATEMENT = 1000;

/*
 * Gatehouse's own membership rows: the hybrid roles (Internal/*, Application/*) of every
 * store's users, as WSO2 keeps them, and the groups of stores whose groups are Gatehouse
 * roles (the database store). A store with groups of its own answers for those itself.
 */

/**
 * Inserts the memberships that do not exist yet and returns the ones it inserted, for every
 * path that adds them (a user's roles, a role's members, bulk assign). Those paths lock
 * different rows, so two instances can add the same pair at once: ON CONFLICT DO NOTHING
 * (the same SQL on SQLite and PostgreSQL; Prisma's skipDuplicates is PostgreSQL-only) makes
 * the later insert wait for the earlier one and then skip the pair instead of failing on the
 * primary key. Rows go in key order, so overlapping inserts wait in one order, never in a cycle.
 *
 * A user or role deleted by a transaction that committed after the caller read it fails the
 * foreign key: that is NOT_FOUND, as if the caller had looked a moment later.
 */
export async function addMemberships(tx: Tx, pairs: readonly MembershipPair[]): Promise<MembershipPair[]> {
  const unique = new Map(pairs.map((p) => [`${p.userId}:${p.roleId}`, p]));
  const sorted = [...unique.values()].sort((a, b) => a.userId - b.userId || a.roleId - b.roleId);
  await lockCounters(
    tx,
    sorted.map((p) => p.roleId),
  );
  const createdAt = new Date();
  const inserted: MembershipPair[] = [];
  for (let i = 0; i < sorted.length; i += ROWS_PER_STATEMENT) {
    const rows = sorted.slice(i, i + ROWS_PER_STATEMENT).map((p) => sql`(${p.userId}, ${p.roleId}, ${createdAt})`);
    const insert = sql`INSERT INTO "Membership" ("userId", "roleId", "createdAt") VALUES ${join(rows)}
      ON CONFLICT DO NOTHING RETURNING "userId", "roleId"`;
    const returned = await tx.$queryRaw<MembershipPair[]>(insert).catch((error: unknown) => {
      if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", "A user or role was deleted meanwhile. Reload and try again.");
      throw error;
    });
    inserted.push(...returned.map((r) => ({ userId: Number(r.userId), roleId: Number(r.roleId) })));
  }
  return inserted;
}

/**
 * PostgreSQL: takes the roles' row locks (in id order) before their memberships change. The
 * member-count trigger (migration 0007) would take them after the insert's foreign-key check
 * has share-locked the role; a concurrent role delete that already holds the role's version
 * lock then waits for us while we wait for it, a deadlock. Taken first, the delete simply
 * queues behind us, or we behind it and then find the role gone (NOT_FOUND). SQLite runs one
 * writer at a time.
 */
async function lockCounters(tx: Tx, roleIds: readonly number[]): Promise<void> {
  if (roleIds.length === 0 || providerOf(tx) !== "postgres") return;
  const ids = [...new Set(roleIds)].sort((a, b) => a - b);
  await tx.$queryRaw(sql`SELECT "id" FROM "Role" WHERE "id" IN (${join(ids)}) ORDER BY "id" FOR NO KEY UPDATE`);
}

/** Removes the memberships of these users in these roles; returns how many went. */
export async function removeMemberships(tx: Tx, pairs: { userIds: readonly number[]; roleIds: readonly number[] }): Promise<number> {
  if (pairs.userIds.length === 0 || pairs.roleIds.length === 0) return 0;
  await lockCounters(tx, pairs.roleIds);
  const { count } = await tx.membership.deleteMany({ where: { userId: { in: [...pairs.userIds] }, roleId: { in: [...pairs.roleIds] } } });
  return count;
}

/**
 * The Gatehouse-held roles of a page of users and what they grant, in role id order: one JOIN,
 * a row per (user, role, grant), grouped here (Prisma's nested select took three statements).
 */
export async function gatehouseRolesOfUsers(client: Reader, userIds: readonly number[]): Promise<Map<number, HeldRole[]>> {
  const rows = await readRowsByIds(
    client,
    userIds,
    (
      ids,
    ) => sql`SELECT m."userId", r."id", r."name", r."kind", s."domain", s."kind" AS "storeKind", s."readOnly", s."type" AS "storeType", g."permission"
      FROM "Membership" m
      JOIN "Role" r ON r."id" = m."roleId"
      JOIN "UserStore" s ON s."id" = r."storeId"
      LEFT JOIN "RoleGrant" g ON g."roleId" = r."id"
      WHERE m."userId" IN (${ids})
      ORDER BY m."userId", r."id", g."permission"`,
    (r) => ({ userId: int(r.userId), roleId: int(r.id), row: r, permission: textOrNull(r.permission) }),
  );
  const byUser = new Map<number, HeldRole[]>();
  for (const { userId, roleId, row, permission } of rows) {
    const list = byUser.get(userId) ?? [];
    let role = list.at(-1);
    if (role?.id !== roleId) {
      const storeKind = text(row.storeKind);
      role = {
        id: roleId,
        name: text(row.name),
        domain: text(row.domain),
        kind: text(row.kind),
        readOnly: bool(row.readOnly),
        external: text(row.storeType) !== "database",
        hybrid: storeKind === "internal" || storeKind === "application",
        grants: [],
      };
      list.push(role);
      byUser.set(userId, list);
    }
    if (permission !== null) role.grants.push(permission);
  }
  return byUser;
}
