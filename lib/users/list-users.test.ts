import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { superTenantId } from "../../testing/seed.ts";
import { provision } from "../provisioning/provision.ts";
import { encodeCursor } from "../keyset.ts";
import { nameKey } from "../core/domains.ts";
import { listUsers, type ListUsersParams } from "./list-users.ts";

const NAMES = ["alice", "Alfred", "bob", "carol", "dave", "eve", "mallory", "oscar", "peggy", "trent", "walter", "al%ice"];

describe.each(await databaseKinds())("listing users on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let secondaryId: number;
  const list = (params: Partial<ListUsersParams>) => listUsers(t.db, tenantId, { sort: "username", dir: "asc", size: 50, ...params });
  const names = async (params: Partial<ListUsersParams>) => (await list(params)).rows.map((r) => r.username);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    const primary = await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } });
    secondaryId = (await t.db.userStore.create({ data: { tenantId, domain: "LDAP", kind: "secondary", readOnly: true } })).id;
    const creator = await t.db.role.findFirstOrThrow({ where: { name: "creator" } });
    for (const [i, username] of NAMES.entries()) {
      await t.db.user.create({
        data: {
          tenantId,
          storeId: i % 4 === 3 ? secondaryId : primary.id,
          username,
          usernameKey: nameKey(username),
          passwordHash: "x",
          ...(username.startsWith("a") ? { memberships: { create: { roleId: creator.id } } } : {}),
          ...(i % 2 === 0
            ? { claims: { create: { claim: "http://wso2.org/claims/organization", value: i % 4 === 0 ? "Acme Corp" : "Globex" } } }
            : {}),
        },
      });
    }
  });
  afterAll(() => t.drop());

  it("sorts by username, ignoring case, both ways", async () => {
    const all = await names({});
    expect(all.slice(0, 4)).toEqual(["admin", "al%ice", "Alfred", "alice"]);
    expect(await names({ dir: "desc" })).toEqual([...all].reverse());
  });

  it("filters with WSO2 patterns: exact, prefix, suffix, and literal LIKE characters", async () => {
    expect(await names({ pattern: "ALICE" })).toEqual(["alice"]);
    expect(await names({ pattern: "al*" })).toEqual(["al%ice", "Alfred", "alice"]);
    expect(await names({ pattern: "*e" })).toEqual(["al%ice", "alice", "dave", "eve"]);
    expect(await names({ pattern: "al%*" })).toEqual(["al%ice"]);
    expect(await names({ pattern: "*" })).toHaveLength(NAMES.length + 1);
  });

  it("filters by domain and by one profile claim", async () => {
    const ldap = await list({ storeId: secondaryId });
    expect(ldap.rows.map((r) => r.username)).toEqual(["carol", "oscar", "al%ice"].sort((a, b) => nameKey(a).localeCompare(nameKey(b))));
    expect(ldap.rows.every((r) => r.readOnly && r.domain === "LDAP")).toBe(true);
    expect(await names({ claim: "http://wso2.org/claims/organization", claimValue: "acme*" })).toEqual(["alice", "dave", "peggy"]);
    expect(await names({ claim: "http://wso2.org/claims/organization", claimValue: "*" })).toHaveLength(6);
  });

  it("shows each user's roles", async () => {
    const rows = (await list({ pattern: "a*" })).rows;
    expect(rows.find((r) => r.username === "admin")!.roles).toEqual(["admin"]);
    expect(rows.find((r) => r.username === "alice")!.roles).toEqual(["Internal/creator"]);
  });

  it("pages forward and back by keyset, in either order and either sort", async () => {
    for (const sort of ["username", "domain"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const all = await names({ sort, dir });
        const seen: string[] = [];
        let page = await list({ sort, dir, size: 5 });
        expect(page.prev).toBeNull();
        seen.push(...page.rows.map((r) => r.username));
        while (page.next) {
          page = await list({ sort, dir, size: 5, after: page.next });
          seen.push(...page.rows.map((r) => r.username));
        }
        expect(seen, `${sort} ${dir}`).toEqual(all);
        const back = await list({ sort, dir, size: 5, before: page.prev! });
        expect(back.rows.map((r) => r.username)).toEqual(all.slice(5, 10));
      }
    }
  });

  it("ignores a tampered cursor instead of failing", async () => {
    expect((await list({ after: "not-a-cursor" })).rows.length).toBe(NAMES.length + 1);
  });

  it("ignores a cursor whose values have the wrong types or range", async () => {
    const everyone = NAMES.length + 1;
    for (const values of [
      [1, "alice"],
      ["alice", "1"],
      ["alice", 2 ** 40],
      ["alice", 1.5],
      [true, 1],
      ["\u0000", 1],
    ]) {
      expect((await list({ after: encodeCursor(values as never) })).rows.length).toBe(everyone);
    }
    expect((await list({ sort: "domain", after: encodeCursor(["x", "alice", 1]) })).rows.length).toBe(everyone);
  });

  it("searches a prefix ending in the last code point, or in a character before a surrogate", async () => {
    expect(await names({ pattern: "\u{10FFFF}*" })).toEqual([]);
    expect(await names({ pattern: "a\u{10FFFF}*" })).toEqual([]);
    expect(await names({ pattern: "\uD7FF*" })).toEqual([]);
  });
});
