import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { superTenantId } from "../../testing/seed.ts";
import { nameKey } from "../core/domains.ts";
import { empty, sql, type Sql } from "../db/sql.ts";
import { provision } from "../provisioning/provision.ts";
import { namePatternSql, parseNamePattern, toLike, type NamePattern } from "../stores/name-pattern.ts";
import { parseNameSearch } from "../stores/name-search.ts";
import { usernameColumns } from "../stores/look-alike.ts";
import { countDatabaseUsers, listDatabaseUsers } from "./database-reads.ts";
import { ftsQuery, nameTrigramSql, trigramFragments } from "./trigram-search.ts";
import type { UserPageParams } from "./user-store.ts";

const EMAIL = "http://wso2.org/claims/emailaddress";
// Names and claim values that LIKE, FTS5's query syntax or a case fold could get wrong.
const HOSTILE: [name: string, email: string][] = [
  ["50%_off", "x%y@acme.com"],
  ["a_b_c", "a_b@acme.com"],
  ["back\\slash", "back\\slash@acme.com"],
  ['quo"te"d', 'quo"te@acme.com'],
  ["it's", "it's@ACME.com"],
  ["Ünïcödé", "ÜMLAUT@acme.com"],
  ["日本語ユーザー", "日本語@example.jp"],
  ["ops.lead", "Ops.Lead@Acme.Com"],
  ["devops", "devops@acme.community"],
  ["OPS-team", "ops@acme.co"],
  ["percent%%%", "pc@acme.com"],
  ["emoji😀name", "😀@acme.com"],
  ["OR AND NOT", "near@acme.com"],
  ["star*name", "star*@acme.com"],
  ["user99999", "u99999@acme.com"],
  ["x99999y", "acme.com@other.org"],
];
const NAME_PATTERNS = ["*%*", "*50%*", "*_b*", "*\\sl*", '*o"t*', "*it's*", "*ünï*", "*ÜNÏ*", "*日本語*", "*ops*", "*OPS*", "*%%%*"];
const MORE_PATTERNS = ["*😀na*", "*ab*", "a*b*c", "*s*l*", "*ops*ea*", "*99999", "*OR AND*", "*zzz*", '*e"d*', "*'s", "ops*"];
const CLAIM_PATTERNS = ["*@acme.com", "*%@acme*", "*_b@*", "*\\sl*", "*ümlaut*", "*@ACME.COM", "*acme.co*", "*😀@*", "*e@a*", 'quo"*'];

describe.each(await databaseKinds())("trigram search on %s: exactly LIKE's answers", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let storeId: number;

  /** The query without any trigram step: what the list sent before migration 0008. */
  async function plainLike(pattern?: string | NamePattern, claim?: string): Promise<number[]> {
    const claimSql: Sql = claim
      ? sql` AND EXISTS (SELECT 1 FROM "UserClaim" c WHERE c."userId" = u."id" AND c."claim" = ${EMAIL}
          AND lower(c."value") LIKE ${toLike(claim.trim().toLowerCase())} ESCAPE '\\')`
      : empty;
    const rows = await t.db.$queryRaw<{ id: number | bigint }[]>(sql`SELECT u."id" FROM "User" u WHERE u."tenantId" = ${tenantId}
      ${namePatternSql(sql`u."usernameKey"`, parseNamePattern(pattern))}${claimSql} ORDER BY u."usernameKey", u."id"`);
    return rows.map((r) => Number(r.id));
  }

  /**
   * Every page through the keyset cursor, two rows a page, then back again with `before`:
   * paging must not change with the index. Walk windows of 0 and 3 rows send the pages
   * through the trigram step (the default window covers this whole table).
   */
  async function allPages(params: Partial<UserPageParams>, walkWindow?: number): Promise<number[]> {
    const page = (cursor: { after?: string; before?: string }) =>
      listDatabaseUsers(t.db, tenantId, { sort: "username", dir: "asc", size: 2, ...cursor, ...params }, walkWindow);
    const ids: number[] = [];
    let after: string | undefined;
    let last: Awaited<ReturnType<typeof page>> | undefined;
    do {
      last = await page({ after });
      ids.push(...last.rows.map((r) => r.id));
      after = last.next ?? undefined;
    } while (after);
    const back: number[] = [...last.rows.map((r) => r.id)].reverse();
    for (let before = last.prev ?? undefined; before;) {
      const previous = await page({ before });
      back.push(...previous.rows.map((r) => r.id).reverse());
      before = previous.prev ?? undefined;
    }
    expect(back.reverse()).toEqual(ids);
    return ids;
  }

  /** The same pages through every walk window. */
  async function pagesAgree(params: Partial<UserPageParams>, expected: number[]): Promise<void> {
    for (const window of [undefined, 0, 3]) expect(await allPages(params, window)).toEqual(expected);
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    storeId = (await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } })).id;
    for (const [name, email] of HOSTILE) {
      await t.db.user.create({
        data: { tenantId, storeId, ...usernameColumns(name), passwordHash: "x", claims: { create: { claim: EMAIL, value: email } } },
      });
    }
  });
  afterAll(() => t.drop());

  it.each([...NAME_PATTERNS, ...MORE_PATTERNS])("name %s: same users, pages and count as the plain LIKE", async (pattern) => {
    const expected = await plainLike(pattern);
    await pagesAgree({ pattern }, expected);
    expect(await countDatabaseUsers(t.db, tenantId, { pattern })).toBe(expected.length);
  });

  // The console's search: the rest below the pinned exact name is `*text*` without that name.
  it.each(["ops", "OPS.LEAD", "50%", "_b_", "\\sl", 'o"t', "it's", "ünï", "日本語", "%%%", "😀na", "99999", "ar*na"])(
    "search text %s: the rows below the exact name are LIKE's, through the trigram step too",
    async (text) => {
      const search = parseNameSearch(text);
      const pattern = search.kind === "contains" ? search.rest : search.pattern;
      const expected = await plainLike(pattern);
      await pagesAgree({ pattern }, expected);
      expect(await countDatabaseUsers(t.db, tenantId, { pattern })).toBe(expected.length);
    },
  );

  it.each(CLAIM_PATTERNS)("claim %s: same users as the plain LIKE", async (value) => {
    const expected = await plainLike(undefined, value);
    await pagesAgree({ claim: EMAIL, claimValue: value }, expected);
    await pagesAgree({ claim: EMAIL, claimValue: value, pattern: "*a*" }, await plainLike("*a*", value));
  });

  it.each(["*ops*", "*a*", "*99999"])("name %s: the same in descending order, by domain and in the store", async (pattern) => {
    const expected = await plainLike(pattern);
    await pagesAgree({ pattern, dir: "desc" }, [...expected].reverse());
    // One store, so the domain order is the name order, and the store filter keeps everyone.
    await pagesAgree({ pattern, sort: "domain" }, expected);
    await pagesAgree({ pattern, storeId }, expected);
  });

  it("finds what the hostile patterns should find (the plain LIKE is not vacuous)", async () => {
    const names = async (pattern: string) =>
      (await listDatabaseUsers(t.db, tenantId, { sort: "username", dir: "asc", size: 50, pattern })).rows.map((r) => r.username);
    expect(await names("*50%*")).toEqual(["50%_off"]);
    expect(await names("*ops*")).toEqual(["devops", "OPS-team", "ops.lead"]);
    expect(await names('*o"t*')).toEqual(['quo"te"d']);
    expect(await names("*\\sl*")).toEqual(["back\\slash"]);
    expect(await names("*日本語*")).toEqual(["日本語ユーザー"]);
    expect(await names("*99999")).toEqual(["user99999"]);
  });

  it("uses the FTS5 trigram table on SQLite for 3+ characters between wildcards, and LIKE alone otherwise", () => {
    const step = (pattern: string) => nameTrigramSql(t.db, parseNamePattern(pattern)).sql;
    expect(step("*ops*")).toMatch(kind === "sqlite" ? /MATCH/ : /^$/);
    expect(step("*ab*")).toBe("");
    expect(step("ops*")).toBe("");
    expect(trigramFragments(nameKey("*ab*Cdé*xy"))).toEqual(["cdé"]);
    expect(ftsQuery(['quo"te', "a b"])).toBe('"quo""te" AND "a b"');
  });

  it("keeps the trigram indexes in step with renames, claim edits and deletes", async () => {
    const user = await t.db.user.create({
      data: {
        tenantId,
        storeId,
        ...usernameColumns("before_qqq"),
        passwordHash: "x",
        claims: { create: { claim: EMAIL, value: "v@kkk.org" } },
      },
    });
    const ids = (params: Partial<UserPageParams>) => allPages(params);
    expect(await ids({ pattern: "*qqq*" })).toEqual([user.id]);
    await t.db.user.update({ where: { id: user.id }, data: usernameColumns("after_www") });
    expect(await ids({ pattern: "*qqq*" })).toEqual([]);
    expect(await ids({ pattern: "*www*" })).toEqual([user.id]);
    await t.db.userClaim.update({ where: { userId_claim: { userId: user.id, claim: EMAIL } }, data: { value: "v@jjj.org" } });
    expect(await ids({ claim: EMAIL, claimValue: "*kkk*" })).toEqual([]);
    expect(await ids({ claim: EMAIL, claimValue: "*jjj*" })).toEqual([user.id]);
    await t.db.user.delete({ where: { id: user.id } });
    expect(await ids({ pattern: "*www*" })).toEqual([]);
    expect(await ids({ claim: EMAIL, claimValue: "*jjj*" })).toEqual([]);
    if (kind === "sqlite") {
      const [row] = await t.db.$queryRaw<{ n: number | bigint }[]>(
        sql`SELECT COUNT(*) AS "n" FROM "UserClaimTrigramKey" WHERE "userId" = ${user.id}`,
      );
      expect(Number(row!.n)).toBe(0);
    }
  });
});
