import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../../testing/config.ts";
import { createTestDatabase, type TestDatabase } from "../../../testing/databases.ts";
import { superTenantId } from "../../../testing/seed.ts";
import { createTestDirectory } from "../../../testing/test-directory.ts";
import { createDb, type Db } from "../../db/client.ts";
import { reloadIfAnalyzedElsewhere } from "../../db/planner-statistics.ts";
import { provision } from "../../provisioning/provision.ts";
import { listUsers, type ListUsersParams } from "../../users/list-users.ts";
import { attachDirectory } from "./directory-for.ts";
import { syncStore } from "./sync.ts";

const USERS = 2_000;

/**
 * A long-running server's SQLite connection opened on a nearly empty database plans with those
 * statistics until it runs ANALYZE: after a big sync, the syncing client picked full scans of
 * User inside loops (an infix search ran for minutes at 100,000 users, docs/ldap.md). The plans
 * are checked, not the time: every access to User must go through an index.
 */
describe("the SQLite connection that ran a big sync", () => {
  let t: TestDatabase;
  let client: Db;
  const statements: string[] = [];
  let tenantId: number;
  let storeId: number;

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await provision(t.db, testConfig());
    // Opened (and its statistics read) while the store is empty, as a server started before the first sync.
    client = createDb(t.target, { onStatement: (sql) => statements.push(sql) });
    tenantId = await superTenantId(client);
    storeId = await mirrorBigStore(client, tenantId);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await t?.drop();
  });

  it.each([
    ["an exact name", "user001234"],
    ["an infix search (trigram index)", "*123*"],
  ])("plans %s with User's indexes, never a scan of User", async (_, pattern) => {
    await expectIndexedPlans(client, statements, tenantId, { sort: "username", dir: "asc", size: 25, storeId, pattern });
  });
});

/**
 * Another worker's connection, opened before the sync, keeps the old statistics until it
 * reloads them: reloadIfAnalyzedElsewhere (run every 30 s by followPlannerStatistics) must
 * notice that sqlite_stat1 moved and reload, after which its plans use User's indexes too.
 */
describe("another SQLite connection open during a big sync", () => {
  let t: TestDatabase;
  let syncing: Db;
  let other: Db;
  const statements: string[] = [];
  let tenantId: number;
  let storeId: number;

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await provision(t.db, testConfig());
    other = createDb(t.target, { onStatement: (sql) => statements.push(sql) });
    tenantId = await superTenantId(other);
    expect(await reloadIfAnalyzedElsewhere(other)).toBe(false);
    syncing = createDb(t.target);
    storeId = await mirrorBigStore(syncing, tenantId);
  });
  afterAll(async () => {
    await other?.$disconnect();
    await syncing?.$disconnect();
    await t?.drop();
  });

  it("reloads the statistics the sync gathered, then plans with User's indexes", async () => {
    expect(await reloadIfAnalyzedElsewhere(other)).toBe(true);
    expect(await reloadIfAnalyzedElsewhere(other)).toBe(false);
    await expectIndexedPlans(other, statements, tenantId, { sort: "username", dir: "asc", size: 25, storeId, pattern: "*123*" });
  });
});

/** A read-only LDAP-typed store whose test directory holds USERS users, mirrored by `client`. */
async function mirrorBigStore(client: Db, tenantId: number): Promise<number> {
  const store = await client.userStore.create({
    data: { tenantId, domain: "BIG", kind: "secondary", type: "ldap", readOnly: true, settings: "{}" },
  });
  const directory = createTestDirectory({ pageSize: 500 });
  for (let i = 0; i < USERS; i++) {
    const id = `id-${i}`;
    directory.people.set(id, { externalId: id, username: `user${String(i).padStart(6, "0")}`, claims: {}, password: "x" });
  }
  attachDirectory(store, directory);
  await syncStore(client, tenantId, store.id);
  return store.id;
}

/** Lists the page on `client`, then checks that every statement it sent reads User through an index. */
async function expectIndexedPlans(client: Db, statements: string[], tenantId: number, params: ListUsersParams): Promise<void> {
  statements.length = 0;
  expect((await listUsers(client, tenantId, params)).rows.length).toBeGreaterThan(0);
  const queries = statements.filter((sql) => /^\s*(SELECT|WITH)\b/i.test(sql) && /"User"/.test(sql));
  expect(queries.length).toBeGreaterThan(0);
  for (const sql of queries) {
    const plan = (await client.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`)).map((row) => row.detail);
    expect(plan.filter((step) => /^SCAN u\b/.test(step))).toEqual([]);
  }
}
