import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { superTenantId } from "../../testing/seed.ts";
import { provision } from "../provisioning/provision.ts";
import { getRole } from "../roles/get-role.ts";
import { listRoleMembers } from "../roles/list-role-members.ts";
import { listRoles } from "../roles/list-roles.ts";
import { listUsers, type ListUsersParams } from "../users/list-users.ts";
import { roleNameColumns, usernameColumns } from "./look-alike.ts";
import { parseNameSearch } from "./name-search.ts";

describe("the console's search text", () => {
  it("reads text without * as 'contains', pinning the exact name", () => {
    expect(parseNameSearch(" Smith ")).toEqual({
      kind: "contains",
      exact: { kind: "exact", key: "smith" },
      rest: { kind: "like", key: "*smith*", like: "%smith%", except: "smith" },
    });
  });
  it("escapes LIKE's own wildcards, so they match literally", () => {
    expect(parseNameSearch("50%_off\\")).toMatchObject({ rest: { like: "%50\\%\\_off\\\\%", except: "50%_off\\" } });
  });
  it("keeps WSO2's meaning for text with *, and lists everyone for none", () => {
    expect(parseNameSearch("smith*")).toEqual({ kind: "pattern", pattern: { kind: "prefix", prefix: "smith" } });
    expect(parseNameSearch("")).toEqual({ kind: "pattern", pattern: { kind: "all" } });
    expect(parseNameSearch("*")).toEqual({ kind: "pattern", pattern: { kind: "all" } });
  });
  it("matches nothing for NUL or a lone surrogate, which no name can hold", () => {
    expect(parseNameSearch("a\u0000b")).toEqual({ kind: "pattern", pattern: { kind: "none" } });
    expect(parseNameSearch("\ud800x*")).toEqual({ kind: "pattern", pattern: { kind: "none" } });
  });
});

// Names a substring search, LIKE and a case fold could get wrong, in two stores.
const PRIMARY_NAMES = [
  "smith",
  "blacksmith",
  "Smithers",
  "asmith",
  "zsmith",
  "50%_off",
  "5000off",
  "a_b",
  "axb",
  "back\\slash",
  "o'brien",
  'quo"te',
];
const SECONDARY_NAMES = ["SMITH", "smithy", "a%b"];

describe.each(await databaseKinds())("searching users and roles on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let secondaryId: number;
  const list = (params: Partial<ListUsersParams>) => listUsers(t.db, tenantId, { sort: "username", dir: "asc", size: 50, ...params });
  const names = async (params: Partial<ListUsersParams>) => (await list(params)).rows.map((r) => `${r.domain}/${r.username}`);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    const primaryId = (await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } })).id;
    secondaryId = (await t.db.userStore.create({ data: { tenantId, domain: "SECONDARY", kind: "secondary", readOnly: false } })).id;
    const smiths = await t.db.role.create({ data: { tenantId, storeId: primaryId, ...roleNameColumns("smiths") } });
    for (const [storeId, list] of [
      [primaryId, PRIMARY_NAMES],
      [secondaryId, SECONDARY_NAMES],
    ] as const) {
      for (const name of list) {
        await t.db.user.create({
          data: { tenantId, storeId, ...usernameColumns(name), passwordHash: "x", memberships: { create: { roleId: smiths.id } } },
        });
      }
    }
    for (const name of ["smith", "blacksmith", "Smithy"])
      await t.db.role.create({ data: { tenantId, storeId: primaryId, ...roleNameColumns(name) } });
    await t.db.role.create({ data: { tenantId, storeId: secondaryId, ...roleNameColumns("SMITH") } });
  });
  afterAll(() => t.drop());

  it("finds a part of a name, exact names first (every store), then the rest in the list's order", async () => {
    const found = [
      "PRIMARY/smith",
      "SECONDARY/SMITH",
      "PRIMARY/asmith",
      "PRIMARY/blacksmith",
      "PRIMARY/Smithers",
      "SECONDARY/smithy",
      "PRIMARY/zsmith",
    ];
    expect(await names({ search: "smith" })).toEqual(found);
    expect(await names({ search: "SMITH", dir: "desc" })).toEqual([...found.slice(0, 2).reverse(), ...found.slice(2).reverse()]);
    expect((await names({ search: "smith", sort: "domain" })).slice(0, 2)).toEqual(["PRIMARY/smith", "SECONDARY/SMITH"]);
    expect(await names({ search: "smith", storeId: secondaryId })).toEqual(["SECONDARY/SMITH", "SECONDARY/smithy"]);
  });

  it("keeps WSO2's meaning for * patterns", async () => {
    expect(await names({ search: "smith*" })).toEqual(["PRIMARY/smith", "SECONDARY/SMITH", "PRIMARY/Smithers", "SECONDARY/smithy"]);
    expect(await names({ search: "*smith" })).toEqual([
      "PRIMARY/asmith",
      "PRIMARY/blacksmith",
      "PRIMARY/smith",
      "SECONDARY/SMITH",
      "PRIMARY/zsmith",
    ]);
    // The WSO2 pattern of /management is untouched: a bare name is an exact match there.
    expect(await names({ pattern: "smith" })).toEqual(["PRIMARY/smith", "SECONDARY/SMITH"]);
  });

  it("matches %, _, backslash and quotes literally, and NUL matches nothing", async () => {
    expect(await names({ search: "%" })).toEqual(["PRIMARY/50%_off", "SECONDARY/a%b"]);
    expect(await names({ search: "_" })).toEqual(["PRIMARY/50%_off", "PRIMARY/a_b"]);
    expect(await names({ search: "0%_" })).toEqual(["PRIMARY/50%_off"]);
    expect(await names({ search: "\\" })).toEqual(["PRIMARY/back\\slash"]);
    expect(await names({ search: "'" })).toEqual(["PRIMARY/o'brien"]);
    expect(await names({ search: '"' })).toEqual(['PRIMARY/quo"te']);
    expect(await names({ search: "smith\u0000" })).toEqual([]);
  });

  it("pages by keyset forward and back with the exact names on the first page only", async () => {
    for (const sort of ["username", "domain"] as const) {
      const all = await names({ search: "smith", sort });
      const page = (cursor: { after?: string; before?: string }) => list({ search: "smith", sort, size: 3, ...cursor });
      const pages: string[][] = [];
      let current = await page({});
      expect(current.prev).toBeNull();
      pages.push(current.rows.map((r) => `${r.domain}/${r.username}`));
      while (current.next) {
        current = await page({ after: current.next });
        pages.push(current.rows.map((r) => `${r.domain}/${r.username}`));
      }
      expect(pages.flat()).toEqual(all);
      expect(pages.every((p) => p.length <= 3)).toBe(true);
      const back: string[][] = [];
      while (current.prev) {
        current = await page({ before: current.prev });
        back.unshift(current.rows.map((r) => `${r.domain}/${r.username}`));
      }
      expect(current.prev).toBeNull();
      expect(back).toEqual(pages.slice(0, -1));
    }
  });

  it("searches roles the same way, within a domain when the text names one", async () => {
    const roles = async (search: string) =>
      (await listRoles(t.db, tenantId, { search, dir: "asc", size: 25 })).rows.map((r) => r.qualified);
    expect(await roles("smith")).toEqual(["smith", "SECONDARY/SMITH", "blacksmith", "smiths", "Smithy"]);
    expect(await roles("SECONDARY/mit")).toEqual(["SECONDARY/SMITH"]);
    expect(await roles("smith*")).toEqual(["smith", "SECONDARY/SMITH", "smiths", "Smithy"]);
    expect(await roles("Internal/creat")).toEqual(["Internal/creator"]);
    const first = await listRoles(t.db, tenantId, { search: "smith", dir: "asc", size: 2 });
    const second = await listRoles(t.db, tenantId, { search: "smith", dir: "asc", size: 2, after: first.next! });
    // Two exact names fill a page of two: the first page still takes one more, so it has a cursor to go on from.
    expect(first.rows.map((r) => r.qualified)).toEqual(["smith", "SECONDARY/SMITH", "blacksmith"]);
    expect(second.rows.map((r) => r.qualified)).toEqual(["smiths", "Smithy"]);
  });

  it("searches a role's members the same way", async () => {
    const role = await getRole(t.db, tenantId, (await t.db.role.findFirstOrThrow({ where: { tenantId, nameKey: "smiths" } })).id);
    const members = await listRoleMembers(t.db, tenantId, role, { search: "smith", size: 25 });
    expect(members.rows.map((m) => m.qualified).slice(0, 3)).toEqual(["smith", "SECONDARY/SMITH", "asmith"]);
    expect(members.rows).toHaveLength(7);
  });
});
