import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { createProvisionedDatabase, databaseKinds, type ProvisionedDatabase } from "../../testing/databases.ts";
import { seedUser } from "../../testing/seed.ts";
import { createSession } from "../sessions/create-session.ts";
import { dashboardCounts } from "./dashboard.ts";

const IDLE_MS = 15 * 60_000;

// The home page's counts come from one raw statement; these pin them to what the ORM counts:
// the actor's tenant only, roles without the system ones, the sessions the Sessions page lists, capped counts.
describe.each(await databaseKinds())("dashboardCounts on %s", (kind) => {
  let t: ProvisionedDatabase;
  let tenantId: number;

  beforeAll(async () => {
    t = await createProvisionedDatabase(kind);
    tenantId = t.tenantId;
    // Another tenant's rows, which no count may include.
    const other = await t.db.tenant.create({ data: { domain: "other.example" } });
    const store = await t.db.userStore.create({ data: { tenantId: other.id, domain: "PRIMARY", kind: "primary" } });
    const stranger = await t.db.user.create({
      data: { tenantId: other.id, storeId: store.id, username: "stranger", usernameKey: "stranger", passwordHash: "x" },
    });
    await createSession(t.db, { tenantId: other.id, userId: stranger.id, kind: "console", lifetimeMs: 3600_000 });
    await t.db.role.create({ data: { tenantId: other.id, storeId: store.id, name: "extra", nameKey: "extra" } });
  });
  afterAll(async () => t?.drop());

  /** The same counts through Prisma, as the home page read them before. */
  async function ormCounts(now: Date) {
    const [users, roles, scopes, sessions] = await Promise.all([
      t.db.user.count({ where: { tenantId } }),
      t.db.role.count({ where: { tenantId, kind: { not: "system" } } }),
      t.db.apiScope.count({ where: { tenantId } }),
      t.db.session.count({
        where: {
          tenantId,
          revokedAt: null,
          expiresAt: { gt: now },
          OR: [{ kind: "oauth" }, { lastSeenAt: { gt: new Date(now.getTime() - IDLE_MS) } }],
        },
      }),
    ]);
    return { users, roles, scopes, sessions };
  }

  it("counts the actor's own tenant, as the ORM does, and the sessions the Sessions page lists", async () => {
    const admin = await seedUser(t.db, { admin: true });
    const live = await seedUser(t.db);
    await createSession(t.db, { tenantId, userId: admin.id, kind: "console", lifetimeMs: 3600_000 });
    await createSession(t.db, { tenantId, userId: live.id, kind: "api", lifetimeMs: 3600_000 });
    const revoked = await createSession(t.db, { tenantId, userId: live.id, kind: "console", lifetimeMs: 3600_000 });
    await t.db.session.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    await createSession(t.db, { tenantId, userId: live.id, kind: "console", lifetimeMs: 1 });
    const idle = await createSession(t.db, { tenantId, userId: live.id, kind: "console", lifetimeMs: 3600_000 });
    await t.db.session.update({ where: { id: idle.id }, data: { lastSeenAt: new Date(Date.now() - 2 * IDLE_MS) } });
    // An OAuth2 grant has no idle timeout: the Sessions page lists it, so the count includes it.
    const grant = await createSession(t.db, { tenantId, userId: live.id, kind: "oauth", lifetimeMs: 3600_000 });
    await t.db.session.update({ where: { id: grant.id }, data: { lastSeenAt: new Date(Date.now() - 2 * IDLE_MS) } });

    const now = new Date(Date.now() + 1000);
    const counts = await dashboardCounts(t.db, await actorFor(t.db, admin.id), IDLE_MS, { now });
    expect(counts).toEqual(await ormCounts(now));
    expect(counts.sessions).toBe(3);
    expect(counts.scopes).toBeGreaterThan(0);
  });

  it("leaves out what the actor may not list, and reads nothing for someone who may list nothing", async () => {
    const viewer = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/admin/manage/identity/usermgt/list"] });
    const counts = await dashboardCounts(t.db, await actorFor(t.db, viewer.id), IDLE_MS);
    expect(Object.keys(counts)).toEqual(["users"]);
    const nobody = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    expect(await dashboardCounts(t.db, await actorFor(t.db, nobody.id), IDLE_MS)).toEqual({});
  });

  it("stops counting past the cap", async () => {
    const admin = await seedUser(t.db, { admin: true });
    const { users } = await ormCounts(new Date());
    expect(users).toBeGreaterThan(3);
    expect((await dashboardCounts(t.db, await actorFor(t.db, admin.id), IDLE_MS, { cap: 2 })).users).toBe(3);
  });
});
