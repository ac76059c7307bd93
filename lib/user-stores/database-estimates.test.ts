import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { superTenantId } from "../../testing/seed.ts";
import { createDb } from "../db/client.ts";
import { EXACT_COUNT_LIMIT } from "../db/estimate-count.ts";
import { providerOf } from "../db/provider.ts";
import { provision } from "../provisioning/provision.ts";
import { estimateRoleMembers } from "../roles/list-role-members.ts";
import { estimateRoles } from "../roles/list-roles.ts";
import { estimateUsers } from "../users/list-users.ts";
import { estimateDatabaseUsers } from "./database-estimates.ts";

const BULK = 1500; // past EXACT_COUNT_LIMIT
const EMAIL = "http://wso2.org/claims/emailaddress";

// The pagers' totals of the Users list, the Roles list and a role's members: exact under the cap,
// then the database's statistics ("about") or, where none fits the filter, "more than 1,000".
describe.each(await databaseKinds())("list totals on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let otherTenantId: number;
  let storeId: number;
  let role: { id: number; memberCount: number };

  /** `n` rows of `select` (a SELECT over `n(i)`, i = 1…n) inserted in one statement. */
  const insert = (into: string, n: number, select: string) =>
    t.db.$executeRawUnsafe(`INSERT INTO ${into} WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n}) ${select}`);
  const users = (tenant: number, store: number, prefix: string, n: number) =>
    insert(
      `"User" ("tenantId", "storeId", "username", "usernameKey", "passwordHash", "updatedAt")`,
      n,
      `SELECT ${tenant}, ${store}, '${prefix}' || (10000 + i), '${prefix}' || (10000 + i), 'x', CURRENT_TIMESTAMP FROM n`,
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    storeId = (await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } })).id;
    await users(tenantId, storeId, "bulk", BULK);
    for (const name of ["needle-a", "needle-b", "needle-c"]) {
      await t.db.user.create({ data: { tenantId, storeId, username: name, usernameKey: name, passwordHash: "x" } });
    }
    await t.db.userClaim.createMany({
      data: (await t.db.user.findMany({ where: { tenantId, usernameKey: { startsWith: "bulk" } }, select: { id: true } })).map((u) => ({
        userId: u.id,
        claim: EMAIL,
        value: `u${u.id}@acme.com`,
      })),
    });
    // Another tenant with the same names: no total may count them.
    const other = await t.db.tenant.create({ data: { domain: "other.example" } });
    otherTenantId = other.id;
    const otherStore = await t.db.userStore.create({ data: { tenantId: other.id, domain: "PRIMARY", kind: "primary" } });
    await users(other.id, otherStore.id, "needle", 40);
    await insert(
      `"Role" ("tenantId", "storeId", "name", "nameKey", "updatedAt")`,
      BULK,
      `SELECT ${tenantId}, ${storeId}, 'team' || (10000 + i), 'team' || (10000 + i), CURRENT_TIMESTAMP FROM n`,
    );
    const team = await t.db.role.findFirstOrThrow({ where: { tenantId, nameKey: "team10001" } });
    await t.db.$executeRawUnsafe(
      `INSERT INTO "Membership" ("userId", "roleId") SELECT u."id", ${team.id} FROM "User" u WHERE u."tenantId" = ${tenantId}`,
    );
    const counted = await t.db.role.findUniqueOrThrow({ where: { id: team.id } });
    role = { id: counted.id, memberCount: counted.memberCount };
    await t.db.$executeRawUnsafe(providerOf(t.db) === "postgres" ? `ANALYZE "User", "UserSortKey", "Role", "Membership"` : "ANALYZE");
  });
  afterAll(() => t.drop());

  it("counts a search of few users exactly, pinned exact name included, in the tenant only", async () => {
    expect(await estimateUsers(t.db, tenantId, { search: "needle" })).toEqual({ count: 3, kind: "exact" });
    expect(await estimateUsers(t.db, tenantId, { search: "needle-b" })).toEqual({ count: 1, kind: "exact" });
    expect(await estimateUsers(t.db, tenantId, { search: "*dle-*" })).toEqual({ count: 3, kind: "exact" });
    expect(await estimateUsers(t.db, tenantId, { search: "bulk1149" })).toEqual({ count: 10, kind: "exact" });
    expect(await estimateUsers(t.db, tenantId, { search: "nobody" })).toEqual({ count: 0, kind: "exact" });
    expect(await estimateUsers(t.db, tenantId, { search: "u1", claim: EMAIL, claimValue: "*@acme.com" })).toEqual({
      count: 0,
      kind: "exact",
    });
  });

  // The trigram indexes span every tenant: the other tenant's 40 needles would be read too.
  it("counts a search in a tenant of few users from its own rows, and through the trigram index past the walk", async () => {
    const statements: string[] = [];
    const watched = createDb(t.target, { onStatement: (text) => statements.push(text) });
    const trigramRead = () => statements.some((text) => /UserNameTrigram|UserSortKey/.test(text));
    try {
      expect(await estimateDatabaseUsers(watched, tenantId, { pattern: "*needle*" })).toEqual({ count: 3, kind: "exact" });
      expect(trigramRead()).toBe(false);
      statements.length = 0;
      expect(await estimateDatabaseUsers(watched, tenantId, { pattern: "*needle*" }, BULK / 2)).toEqual({ count: 3, kind: "exact" });
      expect(trigramRead()).toBe(true);
    } finally {
      await watched.$disconnect();
    }
  });

  it("gives no figure from the statistics while another tenant has rows: they would tell of its users and roles", async () => {
    const over = { count: EXACT_COUNT_LIMIT, kind: "over" };
    const otherStore = await t.db.userStore.findFirstOrThrow({ where: { tenantId: otherTenantId } });
    await t.db.role.create({ data: { tenantId: otherTenantId, storeId: otherStore.id, name: "team10001", nameKey: "team10001" } });
    expect(await estimateUsers(t.db, tenantId, { search: "" })).toEqual(over);
    expect(await estimateUsers(t.db, tenantId, { search: "bulk" })).toEqual(over);
    expect(await estimateRoles(t.db, tenantId, { search: "" })).toEqual(over);
    expect(await estimateRoleMembers(t.db, tenantId, role, "bulk")).toEqual(over);
  });

  it("estimates every user and one store's once the tenant is alone in the table, and a search past 1,000 on PostgreSQL", async () => {
    await t.db.user.deleteMany({ where: { tenantId: otherTenantId } });
    await t.db.role.deleteMany({ where: { tenantId: otherTenantId } });
    await t.db.$executeRawUnsafe(providerOf(t.db) === "postgres" ? `ANALYZE "User", "UserSortKey", "Role", "Membership"` : "ANALYZE");
    const all = await estimateUsers(t.db, tenantId, { search: "" });
    expect(all.kind).toBe("about");
    expect(all.count).toBeGreaterThan(BULK * 0.5);
    expect(all.count).toBeLessThan(BULK * 2);
    // SQLite keeps no figure for one store or a name search; PostgreSQL's planner estimates them.
    const store = await estimateUsers(t.db, tenantId, { search: "", storeId });
    expect(store.kind).toBe(kind === "postgres" ? "about" : "over");
    const search = await estimateUsers(t.db, tenantId, { search: "bulk" });
    expect(search.kind).toBe(kind === "postgres" ? "about" : "over");
    if (search.kind === "over") expect(search.count).toBe(EXACT_COUNT_LIMIT);
  });

  it("says more than 1,000 for a claim filter past the cap on both databases, and counts a narrow one", async () => {
    expect(await estimateUsers(t.db, tenantId, { search: "", claim: EMAIL, claimValue: "*@acme.com" })).toEqual({
      count: EXACT_COUNT_LIMIT,
      kind: "over",
    });
    expect(await estimateUsers(t.db, tenantId, { search: "bulk1001", claim: EMAIL, claimValue: "*@acme.com" })).toEqual({
      count: 10,
      kind: "exact",
    });
  });

  it("counts roles and a role's members as the lists filter them", async () => {
    expect(await estimateRoles(t.db, tenantId, { search: "team1149" })).toEqual({ count: 10, kind: "exact" });
    expect(await estimateRoles(t.db, tenantId, { search: "PRIMARY/team1001" })).toEqual({ count: 10, kind: "exact" });
    const roles = await estimateRoles(t.db, tenantId, { search: "" });
    expect(roles.kind).toBe("about");
    expect(roles.count).toBeGreaterThan(BULK * 0.5);
    expect((await estimateRoles(t.db, tenantId, { search: "team" })).kind).toBe(kind === "postgres" ? "about" : "over");

    // Every user of the tenant: the bulk, the needles and the provisioned admin.
    const members = await t.db.user.count({ where: { tenantId } });
    expect(role.memberCount).toBe(members);
    expect(await estimateRoleMembers(t.db, tenantId, role, "")).toEqual({ count: members, kind: "exact" });
    expect(await estimateRoleMembers(t.db, tenantId, role, "needle")).toEqual({ count: 3, kind: "exact" });
    expect((await estimateRoleMembers(t.db, tenantId, role, "bulk")).kind).toBe(kind === "postgres" ? "about" : "over");
  });
});
