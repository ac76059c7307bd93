import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import type { Db } from "../db/client.ts";
import { provision } from "../provisioning/provision.ts";
import { setRolePermissions } from "../roles/set-role-permissions.ts";
import { CHECK_INTERVAL_MS, clearAuthzCache, setCacheClock } from "./cache.ts";
import { readAuthzVersion } from "../authz/version.ts";
import { checkAccess, checkAccessBatch, type AccessCheck } from "./check-access.ts";
import { setUserDisabled } from "../users/set-user-disabled.ts";

const LOGIN = "/permission/admin/login";
const USERMGT = "/permission/admin/manage/identity/usermgt";

/** The same client, counting every query it sends. */
function counting(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const extended = db.$extends({ query: { $allOperations: ({ args, query }) => (n++, query(args)) } });
  return { db: extended as unknown as Db, count: () => n };
}

describe.each(await databaseKinds())("checkAccess on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let now = 1_000_000;
  let alice: Awaited<ReturnType<typeof seedUser>>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    setCacheClock(() => now);
    alice = await seedUser(t.db, { grants: [LOGIN, USERMGT] });
  });
  beforeEach(() => clearAuthzCache());
  afterAll(async () => {
    setCacheClock(() => Date.now());
    await t.drop();
  });

  it("grants through a role, and through an ancestor node, naming the role", async () => {
    expect(await checkAccess(t.db, tenantId, { user: alice.username, permission: LOGIN })).toEqual({
      allowed: true,
      reason: { code: "granted", message: `Granted by role_${alice.username}.`, roles: [`role_${alice.username}`], aliases: [] },
    });
    const view = await checkAccess(t.db, tenantId, { user: `PRIMARY/${alice.username.toUpperCase()}`, permission: `${USERMGT}/view` });
    expect(view).toMatchObject({ allowed: true, reason: { roles: [`role_${alice.username}`] } });
  });

  it("denies every check of a disabled user at the next version, and grants again once enabled", async () => {
    const bob = await seedUser(t.db, { grants: [LOGIN] });
    const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    // As the HTTP routes ask: at the version read in this request, so only the bump can tell the change.
    const check = async () =>
      checkAccess(t.db, tenantId, { user: bob.username, permission: LOGIN }, { version: await readAuthzVersion(t.db, tenantId) });
    expect(await check()).toMatchObject({ allowed: true });
    const version = async () => (await t.db.user.findUniqueOrThrow({ where: { id: bob.id } })).version;
    await setUserDisabled(t.db, admin, { id: bob.id, version: await version(), disabled: true });
    expect(await check()).toMatchObject({ allowed: false, reason: { code: "not-granted", roles: [] } });
    await setUserDisabled(t.db, admin, { id: bob.id, version: await version(), disabled: false });
    expect(await check()).toMatchObject({ allowed: true });
  });

  it("denies what no role grants, unknown users, unknown nodes, and a sibling with a shared prefix", async () => {
    expect(await checkAccess(t.db, tenantId, { user: alice.username, permission: "/permission/admin/monitor/logs" })).toMatchObject({
      allowed: false,
      reason: { code: "not-granted", roles: [] },
    });
    expect(await checkAccess(t.db, tenantId, { user: "nobody_here", permission: LOGIN })).toMatchObject({
      allowed: false,
      reason: { code: "unknown-user" },
    });
    expect(await checkAccess(t.db, tenantId, { user: alice.username, permission: "/permission/admin/nope" })).toMatchObject({
      allowed: false,
      reason: { code: "unknown-permission" },
    });
    expect(await checkAccess(t.db, tenantId, { user: alice.username, permission: "/permission/admin/manage" })).toMatchObject({
      allowed: false,
    });
  });

  it("counts Internal/everyone, which every user holds without a membership", async () => {
    const everyone = await t.db.role.findFirstOrThrow({ where: { kind: "everyone" } });
    await t.db.roleGrant.create({ data: { roleId: everyone.id, permission: "/permission/admin/monitor/logs" } });
    try {
      const bob = await seedUser(t.db);
      const decision = await checkAccess(t.db, tenantId, { user: bob.username, permission: "/permission/admin/monitor/logs" });
      expect(decision).toMatchObject({ allowed: true, reason: { roles: ["Internal/everyone"] } });
    } finally {
      await t.db.roleGrant.deleteMany({ where: { roleId: everyone.id } });
    }
  });

  it("answers scopes through a mapped role, through an alias, and through Internal/everyone", async () => {
    const publisher = await t.db.role.findFirstOrThrow({ where: { name: "publisher", store: { domain: "Internal" } } });
    const carol = await seedUser(t.db);
    await t.db.membership.create({ data: { userId: carol.id, roleId: publisher.id } });
    expect(await checkAccess(t.db, tenantId, { user: carol.username, scope: "apim:api_publish" })).toMatchObject({
      allowed: true,
      reason: { roles: ["Internal/publisher"], aliases: [] },
    });

    const dave = await seedUser(t.db);
    await t.db.roleAlias.create({ data: { roleId: publisher.id, aliasRoleId: dave.roleId } });
    clearAuthzCache();
    expect(await checkAccess(t.db, tenantId, { user: dave.username, scope: "apim:api_publish" })).toMatchObject({
      allowed: true,
      reason: { roles: [], aliases: [{ role: `role_${dave.username}`, aliasOf: "Internal/publisher" }] },
    });
    expect(await checkAccess(t.db, tenantId, { user: dave.username, scope: "apim:tier_manage" })).toMatchObject({
      allowed: false,
      reason: { code: "not-granted" },
    });
    expect(await checkAccess(t.db, tenantId, { user: dave.username, scope: "apim_analytics:everyone" })).toMatchObject({
      allowed: true,
      reason: { roles: ["Internal/everyone"] },
    });
    expect(await checkAccess(t.db, tenantId, { user: dave.username, scope: "apim:nope" })).toMatchObject({
      allowed: false,
      reason: { code: "unknown-scope" },
    });
  });

  it("answers a mixed batch in order, with a bounded number of queries whatever its size", async () => {
    const users = await Promise.all(Array.from({ length: 10 }, (_, i) => seedUser(t.db, { grants: i % 2 === 0 ? [LOGIN] : [] })));
    const checks: AccessCheck[] = Array.from({ length: 100 }, (_, i) =>
      i % 3 === 2
        ? { user: users[i % 10]!.username, scope: "apim_analytics:everyone" }
        : { user: users[i % 10]!.username, permission: LOGIN },
    );
    const measured = counting(t.db);
    const answers = await checkAccessBatch(measured.db, tenantId, [...checks, { user: "ghost", permission: LOGIN }]);
    expect(answers.map((a) => a.allowed)).toEqual([...checks.map((c, i) => "scope" in c || (i % 10) % 2 === 0), false]);
    const cold = measured.count();
    expect(cold).toBeLessThanOrEqual(15);
    await checkAccessBatch(measured.db, tenantId, checks);
    expect(measured.count() - cold).toBe(0);
  });

  it("answers a full batch of distinct users, past the database's bound-parameter limit", async () => {
    const checks = Array.from({ length: 1000 }, (_, i) => ({ user: i === 0 ? alice.username : `nobody_${i}`, permission: LOGIN }));
    const answers = await checkAccessBatch(t.db, tenantId, checks);
    expect(answers.filter((a) => a.allowed)).toHaveLength(1);
    expect(answers.filter((a) => a.reason.code === "unknown-user")).toHaveLength(999);
  });

  it("sees a role's permission change and a lost membership within two check intervals", async () => {
    const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    const erin = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/monitor/logs"] });
    const ask = () => checkAccess(t.db, tenantId, { user: erin.username, permission: "/permission/admin/monitor/logs" });
    expect((await ask()).allowed).toBe(true);
    const role = await t.db.role.findUniqueOrThrow({ where: { id: erin.roleId } });
    await setRolePermissions(t.db, admin, { id: role.id, version: role.version, permissions: [LOGIN] });
    now += 2 * CHECK_INTERVAL_MS + 1;
    expect(await ask()).toMatchObject({ allowed: false, reason: { code: "not-granted" } });

    await t.db.membership.deleteMany({ where: { userId: erin.id } });
    now += 2 * CHECK_INTERVAL_MS + 1;
    expect((await checkAccess(t.db, tenantId, { user: erin.username, permission: LOGIN })).allowed).toBe(false);
  });

  it("keeps the cache through sign-ins, which write the user row without changing what anyone holds", async () => {
    const measured = counting(t.db);
    const ask = () => checkAccess(measured.db, tenantId, { user: alice.username, permission: LOGIN });
    await ask();
    await t.db.user.update({ where: { id: alice.id }, data: { failedAttempts: { increment: 1 } } });
    now += 2 * CHECK_INTERVAL_MS + 1;
    const before = measured.count();
    expect((await ask()).allowed).toBe(true);
    expect(measured.count() - before).toBe(1);
  });

  it("answers at the version the caller read this request: a change applies on the very next one", async () => {
    const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    const gil = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/monitor/logs"] });
    const version = () => readAuthzVersion(t.db, tenantId);
    const ask = async (permission: string) =>
      (await checkAccess(t.db, tenantId, { user: gil.username, permission }, { version: await version() })).allowed;
    expect(await ask("/permission/admin/monitor/logs")).toBe(true);
    const role = await t.db.role.findUniqueOrThrow({ where: { id: gil.roleId } });
    await setRolePermissions(t.db, admin, { id: role.id, version: role.version, permissions: [LOGIN] });
    expect(await ask("/permission/admin/monitor/logs")).toBe(false);
    await t.db.membership.deleteMany({ where: { userId: gil.id } });
    expect(await ask(LOGIN)).toBe(false);
    await t.db.user.delete({ where: { id: gil.id } });
    expect((await checkAccess(t.db, tenantId, { user: gil.username, permission: LOGIN }, { version: await version() })).reason.code).toBe(
      "unknown-user",
    );
  });

  it("loads a batch of cold users in a bounded number of statements, and none when warm", async () => {
    const users = await Promise.all(Array.from({ length: 30 }, () => seedUser(t.db, { grants: [LOGIN] })));
    const measured = counting(t.db);
    const version = await readAuthzVersion(t.db, tenantId);
    const checks = users.map((u) => ({ user: u.username, permission: LOGIN }));
    expect((await checkAccessBatch(measured.db, tenantId, checks, { version })).every((a) => a.allowed)).toBe(true);
    // One for the users with their role ids, one for their roles with grants, one for Internal/everyone.
    expect(measured.count()).toBeLessThanOrEqual(3);
    const cold = measured.count();
    await checkAccessBatch(measured.db, tenantId, checks, { version });
    expect(measured.count()).toBe(cold);
  });

  it("re-reads the signature in the background between one and two intervals, without making the check wait", async () => {
    const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    const fay = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/monitor/logs"] });
    const ask = async () =>
      (await checkAccess(t.db, tenantId, { user: fay.username, permission: "/permission/admin/monitor/logs" })).allowed;
    expect(await ask()).toBe(true);
    const role = await t.db.role.findUniqueOrThrow({ where: { id: fay.roleId } });
    await setRolePermissions(t.db, admin, { id: role.id, version: role.version, permissions: [LOGIN] });
    now += CHECK_INTERVAL_MS + 1;
    await ask();
    await vi.waitFor(async () => expect(await ask()).toBe(false));
  });
});
