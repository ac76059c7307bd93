import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { superTenantId } from "../../testing/seed.ts";
import { nameKey } from "../core/domains.ts";
import { empty, sql, type Sql } from "../db/sql.ts";
import { provision } from "../provisioning/provision.ts";
import { namePatternSql, parseNamePattern, toLike } from "../stores/name-pattern.ts";
import { usernameColumns } from "../stores/look-alike.ts";
import { countDatabaseUsers, listDatabaseUsers } from "./database-reads.ts";
import type { UserPageParams } from "./user-store.ts";

const EMAIL = "http://wso2.org/claims/emailaddress";

// Pieces that make trigrams common (`ops` in ~30% of names), rare, or hostile to LIKE.
const PIECES = ["ops", "op", "s.", "dev", "a", "b", "OPS", "x", "_", "%", "9", "ü", "lead", "-"];
const RANDOM_PATTERNS = ["*ops*", "*s.o*", "*dev*", "*ops*a*", "*%ops*", "*_9*", "*ead", "*OPS.*"];

/** A deterministic generator (mulberry32), so a failing data set can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(await databaseKinds())("the narrow copy of the sort keys on %s (migration 0011)", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let primaryId: number;
  let ldapId: number;

  /** The plain LIKE query in the list's order for these parameters, all pages at once. */
  async function plainLike(params: Partial<UserPageParams>): Promise<number[]> {
    const claimSql: Sql = params.claim
      ? sql` AND EXISTS (SELECT 1 FROM "UserClaim" c WHERE c."userId" = u."id" AND c."claim" = ${EMAIL}
          AND lower(c."value") LIKE ${toLike((params.claimValue ?? "*").toLowerCase())} ESCAPE '\\')`
      : empty;
    const order = params.sort === "domain" ? sql`u."storeId", u."usernameKey", u."id"` : sql`u."usernameKey", u."id"`;
    const rows = await t.db.$queryRaw<{ id: number | bigint }[]>(sql`SELECT u."id" FROM "User" u WHERE u."tenantId" = ${tenantId}
      ${params.storeId ? sql` AND u."storeId" = ${params.storeId}` : empty}
      ${namePatternSql(sql`u."usernameKey"`, parseNamePattern(params.pattern))}${claimSql} ORDER BY ${order}`);
    const ids = rows.map((r) => Number(r.id));
    return params.dir === "desc" ? ids.reverse() : ids;
  }

  /** Every page forwards with `after`, then back with `before`, which must give the same pages. */
  async function allPages(params: Partial<UserPageParams>, walkWindow?: number): Promise<number[]> {
    const page = (cursor: { after?: string; before?: string }) =>
      listDatabaseUsers(t.db, tenantId, { sort: "username", dir: "asc", size: 7, ...params, ...cursor }, walkWindow);
    const pages: number[][] = [];
    let last: Awaited<ReturnType<typeof page>> | undefined;
    for (let after: string | undefined, first = true; first || after; first = false) {
      last = await page({ after });
      pages.push(last.rows.map((r) => r.id));
      after = last.next ?? undefined;
    }
    const back: number[][] = [pages.at(-1)!];
    for (let before = last?.prev ?? undefined; before;) {
      const previous = await page({ before });
      back.unshift(previous.rows.map((r) => r.id));
      before = previous.prev ?? undefined;
    }
    expect(back).toEqual(pages);
    return pages.flat();
  }

  async function agrees(params: Partial<UserPageParams>): Promise<void> {
    const expected = await plainLike(params);
    for (const window of [undefined, 0, 3]) expect(await allPages(params, window)).toEqual(expected);
  }

  /** The copy holds exactly every user's keys. */
  async function copyIsInStep(): Promise<void> {
    const keys = (table: Sql) =>
      t.db
        .$queryRaw<{ id: number | bigint; tenantId: number | bigint; storeId: number | bigint; usernameKey: string }[]>(
          sql`SELECT "id", "tenantId", "storeId", "usernameKey" FROM ${table} ORDER BY "id"`,
        )
        .then((rows) => rows.map((r) => [Number(r.id), Number(r.tenantId), Number(r.storeId), r.usernameKey]));
    expect(await keys(sql`"UserSortKey"`)).toEqual(await keys(sql`"User"`));
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    primaryId = (await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } })).id;
    ldapId = (await t.db.userStore.create({ data: { tenantId, domain: "LDAP", kind: "secondary" } })).id;
    const next = random(12);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const seen = new Set<string>();
    const users = [];
    while (users.length < 240) {
      const name = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(PIECES)).join("");
      const storeId = next() < 0.3 ? ldapId : primaryId;
      if (seen.has(`${storeId} ${nameKey(name)}`)) continue;
      seen.add(`${storeId} ${nameKey(name)}`);
      users.push({ tenantId, storeId, ...usernameColumns(name), passwordHash: "x" });
    }
    await t.db.user.createMany({ data: users });
    const created = await t.db.user.findMany({ where: { tenantId }, select: { id: true } });
    await t.db.userClaim.createMany({
      data: created
        .filter(() => next() < 0.5)
        .map((u) => ({ userId: u.id, claim: EMAIL, value: `${pick(PIECES)}${pick(PIECES)}@acme.com` })),
    });
  });
  afterAll(() => t.drop());

  it("is filled for every user, and the patterns find users in both stores", async () => {
    await copyIsInStep();
    for (const storeId of [primaryId, ldapId]) expect((await plainLike({ pattern: "*ops*", storeId })).length).toBeGreaterThan(10);
  });

  it.each(RANDOM_PATTERNS)(
    "name %s on a random data set: the plain LIKE's pages in every order, store and claim filter",
    async (pattern) => {
      await agrees({ pattern });
      await agrees({ pattern, dir: "desc" });
      await agrees({ pattern, sort: "domain" });
      await agrees({ pattern, sort: "domain", dir: "desc" });
      await agrees({ pattern, storeId: ldapId });
      await agrees({ pattern, claim: EMAIL, claimValue: "*ops*" });
      expect(await countDatabaseUsers(t.db, tenantId, { pattern })).toBe((await plainLike({ pattern })).length);
    },
  );

  it("follows inserts, renames, store moves, id changes, deletes and a tenant's cascade", async () => {
    const data = (name: string) => ({ tenantId, storeId: primaryId, ...usernameColumns(name), passwordHash: "x" });
    const one = await t.db.user.create({ data: data("fresh.ops") });
    await t.db.user.createMany({ data: [data("bulk.ops.1"), data("bulk.ops.2")] });
    await t.db.user.update({ where: { id: one.id }, data: usernameColumns("renamed.zzz") });
    await t.db.user.update({ where: { id: one.id }, data: { storeId: ldapId } });
    const maxId = (await t.db.user.aggregate({ _max: { id: true } }))._max.id!;
    await t.db.$executeRaw(sql`UPDATE "User" SET "id" = ${maxId + 100} WHERE "id" = ${one.id}`);
    await t.db.user.deleteMany({ where: { usernameKey: "bulk.ops.1" } });
    await t.db.user.update({ where: { id: maxId + 100 }, data: { failedAttempts: 1 } }); // no key changes
    const other = await t.db.tenant.create({ data: { domain: "other.example" } });
    const store = await t.db.userStore.create({ data: { tenantId: other.id, domain: "PRIMARY", kind: "primary" } });
    await t.db.user.create({ data: { ...data("elsewhere.ops"), tenantId: other.id, storeId: store.id } });
    await copyIsInStep();
    await t.db.tenant.delete({ where: { id: other.id } });
    await copyIsInStep();
    await agrees({ pattern: "*zzz*" });
    await agrees({ pattern: "*ops*", sort: "domain" });
  });
});
