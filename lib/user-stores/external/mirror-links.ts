import type { Tx } from "../../db/client.ts";
import { int, readRows, readRowsByIds, text } from "../../db/raw-read.ts";
import { sql } from "../../db/sql.ts";
import { jsonTable } from "./json-table.ts";

type Pair = { userId: number; roleId: number };
type Claim = { userId: number; claim: string; value: string };

/**
 * Makes the mirrored users' claims exactly the directory's: reads what Gatehouse holds, then
 * one DELETE for the claims that went and one upsert for the new or changed ones, whatever
 * the page's size. Unchanged claims are not written (SQLite's search index follows each write).
 */
export async function replaceClaims(tx: Tx, wanted: ReadonlyMap<number, Record<string, string>>): Promise<void> {
  const held = await readRowsByIds(
    tx,
    [...wanted.keys()],
    (ids) => sql`SELECT "userId", "claim", "value" FROM "UserClaim" WHERE "userId" IN (${ids})`,
    (r): Claim => ({ userId: int(r.userId), claim: text(r.claim), value: text(r.value) }),
  );
  const gone = held.filter((c) => wanted.get(c.userId)?.[c.claim] === undefined);
  const heldValue = new Map(held.map((c) => [`${c.userId}\u0001${c.claim}`, c.value]));
  const changed: Claim[] = [];
  for (const [userId, claims] of wanted) {
    for (const [claim, value] of Object.entries(claims)) {
      if (heldValue.get(`${userId}\u0001${claim}`) !== value) changed.push({ userId, claim, value });
    }
  }
  const columns = { userId: "integer", claim: "text", value: "text" } as const;
  if (gone.length > 0) {
    await tx.$executeRaw(
      sql`DELETE FROM "UserClaim" WHERE ("userId", "claim") IN (SELECT "userId", "claim" FROM ${jsonTable(tx, gone, columns)})`,
    );
  }
  if (changed.length > 0) {
    await tx.$executeRaw(sql`INSERT INTO "UserClaim" ("userId", "claim", "value")
      SELECT "userId", "claim", "value" FROM ${jsonTable(tx, changed, columns)} WHERE true
      ON CONFLICT ("userId", "claim") DO UPDATE SET "value" = excluded."value"`);
  }
}

/**
 * Makes the memberships of `roleIds` (a page of the store's groups) exactly `wanted`, in one
 * read, one DELETE and one INSERT whatever the groups' sizes. Memberships in other roles
 * (Gatehouse's hybrid roles) are not touched.
 */
export async function replaceMemberships(tx: Tx, scope: { roleIds?: number[]; userId?: number }, wanted: readonly Pair[]): Promise<void> {
  const held = scope.userId
    ? await readRows(
        tx,
        sql`SELECT m."userId", m."roleId" FROM "Membership" m JOIN "Role" r ON r."id" = m."roleId"
          WHERE m."userId" = ${scope.userId} AND r."storeId" = (SELECT "storeId" FROM "User" WHERE "id" = ${scope.userId})`,
        pair,
      )
    : await readRowsByIds(
        tx,
        scope.roleIds ?? [],
        (ids) => sql`SELECT "userId", "roleId" FROM "Membership" WHERE "roleId" IN (${ids})`,
        pair,
      );
  const key = (p: Pair) => `${p.userId}:${p.roleId}`;
  const want = new Set(wanted.map(key));
  const have = new Set(held.map(key));
  const gone = held.filter((p) => !want.has(key(p)));
  const added = wanted.filter((p) => !have.has(key(p)));
  const columns = { userId: "integer", roleId: "integer" } as const;
  if (gone.length > 0) {
    await tx.$executeRaw(
      sql`DELETE FROM "Membership" WHERE ("userId", "roleId") IN (SELECT "userId", "roleId" FROM ${jsonTable(tx, gone, columns)})`,
    );
  }
  if (added.length > 0) {
    await tx.$executeRaw(sql`INSERT INTO "Membership" ("userId", "roleId", "createdAt")
      SELECT "userId", "roleId", ${new Date()} FROM ${jsonTable(tx, added, columns)} WHERE true ON CONFLICT DO NOTHING`);
  }
}

function pair(r: Record<string, unknown>): Pair {
  return { userId: int(r.userId), roleId: int(r.roleId) };
}

/** The (user, group) pairs the directory names, as Gatehouse ids: members not mirrored (skipped or outside the user base) are left out. */
export async function memberPairs(tx: Tx, storeId: number, groups: readonly { roleId: number; memberIds: readonly string[] }[]) {
  const rows = groups.flatMap((g) => g.memberIds.map((u) => ({ r: g.roleId, u })));
  if (rows.length === 0) return [];
  return readRows(
    tx,
    // CROSS JOIN: SQLite then walks the pairs and looks each member up by index (its planner
    // otherwise scanned the users once per pair); PostgreSQL plans it as any inner join.
    sql`SELECT u."id" AS "userId", j."r" AS "roleId" FROM ${jsonTable(tx, rows, { r: "integer", u: "text" })}
      CROSS JOIN "User" u WHERE u."storeId" = ${storeId} AND u."externalId" = j."u"`,
    pair,
  );
}
