import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { provision } from "../provisioning/provision.ts";
import { createSession } from "./create-session.ts";
import { resolveSession } from "./resolve-session.ts";
import { revokeUserSessions } from "./revoke-session.ts";
import { createDb, type Db } from "../db/client.ts";

/** The same client, counting every statement it sends (model operations and raw SQL alike). */
function counting(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const extended = db.$extends({ query: { $allOperations: ({ args, query }) => (n++, query(args)) } });
  return { db: extended as unknown as Db, count: () => n };
}

const policy = { idleTimeoutMs: 15 * 60_000 };
const HOUR = 3_600_000;

describe.each(await databaseKinds())("session resolution on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  const open = async (userId: number, lifetimeMs = 8 * HOUR) =>
    (await createSession(t.db, { tenantId, userId, kind: "console", lifetimeMs })).secret;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
  });
  afterAll(() => t.drop());

  it("resolves a live session to a principal with the user's grants", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/admin/monitor"] });
    const principal = await resolveSession(t.db, await open(user.id), policy);
    expect(principal).toMatchObject({ userId: user.id, tenantId, username: user.username, isAdmin: false, mustChangePassword: false });
    expect(principal!.grants.sort()).toEqual(["/permission/admin/login", "/permission/admin/monitor"]);
  });

  it("refuses an unknown or revoked session on its next request", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const secret = await open(user.id);
    expect(await resolveSession(t.db, "not-a-session", policy)).toBeNull();
    await revokeUserSessions(t.db, tenantId, user.id, "test");
    expect(await resolveSession(t.db, secret, policy)).toBeNull();
  });

  it("ends a session idle for longer than the idle timeout, and records why", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const secret = await open(user.id);
    const later = new Date(Date.now() + policy.idleTimeoutMs + 1000);
    expect(await resolveSession(t.db, secret, policy, later)).toBeNull();
    expect((await t.db.session.findFirstOrThrow({ where: { userId: user.id } })).revokedReason).toBe("idle timeout");
  });

  it("ends a session at its absolute lifetime even when active", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const secret = await open(user.id, 60_000);
    const now = Date.now();
    expect(await resolveSession(t.db, secret, policy, new Date(now + 30_000))).not.toBeNull();
    expect(await resolveSession(t.db, secret, policy, new Date(now + 61_000))).toBeNull();
  });

  it("keeps an active session alive by touching it", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const secret = await open(user.id);
    const start = Date.now();
    for (const minutes of [10, 20, 30]) {
      expect(await resolveSession(t.db, secret, policy, new Date(start + minutes * 60_000)), `${minutes} min`).not.toBeNull();
    }
  });

  it("applies permission changes on the next request, and ends sessions that lose Login", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const secret = await open(user.id);
    await t.db.roleGrant.create({ data: { roleId: user.roleId, permission: "/permission/admin/monitor/logs" } });
    expect((await resolveSession(t.db, secret, policy))!.grants).toContain("/permission/admin/monitor/logs");
    await t.db.roleGrant.delete({ where: { roleId_permission: { roleId: user.roleId, permission: "/permission/admin/login" } } });
    expect(await resolveSession(t.db, secret, policy)).toBeNull();
  });

  it("sends one statement per request once the user's roles are cached", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const secret = await open(user.id);
    const measured = counting(t.db);
    expect(await resolveSession(measured.db, secret, policy)).not.toBeNull();
    const cold = measured.count();
    expect(cold).toBe(2);
    for (let i = 0; i < 3; i++) expect(await resolveSession(measured.db, secret, policy)).not.toBeNull();
    expect(measured.count() - cold).toBe(3);
  });

  it("applies a role removal, a grant removal, a role change and a password flag on the very next request, from a warm cache", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/admin/monitor/logs"] });
    const extra = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/admin/manage"] });
    await t.db.membership.create({ data: { userId: user.id, roleId: extra.roleId } });
    const secret = await open(user.id);
    const grants = async () => (await resolveSession(t.db, secret, policy))?.grants.sort();
    expect(await grants()).toEqual(["/permission/admin/login", "/permission/admin/manage", "/permission/admin/monitor/logs"]);
    await t.db.membership.delete({ where: { userId_roleId: { userId: user.id, roleId: extra.roleId } } });
    expect(await grants()).toEqual(["/permission/admin/login", "/permission/admin/monitor/logs"]);
    await t.db.roleGrant.delete({ where: { roleId_permission: { roleId: user.roleId, permission: "/permission/admin/monitor/logs" } } });
    expect(await grants()).toEqual(["/permission/admin/login"]);
    const role = await t.db.role.findUniqueOrThrow({ where: { id: user.roleId } });
    await t.db.role.update({ where: { id: role.id }, data: { name: `${role.name}_renamed` } });
    expect((await resolveSession(t.db, secret, policy))!.roles.map((r) => r.name)).toEqual([`${role.name}_renamed`]);
    await t.db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    expect((await resolveSession(t.db, secret, policy))!.mustChangePassword).toBe(true);
    await t.db.user.delete({ where: { id: user.id } });
    expect(await resolveSession(t.db, secret, policy)).toBeNull();
  });

  it("applies a change made through another client (another server process) on the next request", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const secret = await open(user.id);
    const other = createDb(t.target);
    try {
      expect(await resolveSession(t.db, secret, policy)).not.toBeNull();
      await other.roleGrant.deleteMany({ where: { roleId: user.roleId } });
      expect(await resolveSession(t.db, secret, policy)).toBeNull();
    } finally {
      await other.$disconnect();
    }
  });
});
