import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { IN_FLIGHT, race, twoInstances } from "../../testing/race.ts";
import { seedUser, superTenantId, TEST_PASSWORD } from "../../testing/seed.ts";
import { signInWithPassword } from "../auth/sign-in.ts";
import { listTargetEvents } from "../audit/list-target-events.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { listActiveSessions } from "../sessions/list-sessions.ts";
import { resolveSession } from "../sessions/resolve-session.ts";
import { disableUserCommand, enableUserCommand, unlockUserCommand } from "./commands.ts";
import { getUser } from "./get-user.ts";

const LOGIN = "/permission/admin/login";
// A helpdesk: may change account state (usermgt/update) and little else.
const HELPDESK = [LOGIN, "/permission/admin/manage/identity/usermgt/view", "/permission/admin/manage/identity/usermgt/update"] as const;
const config = testConfig();
const policy = { idleTimeoutMs: 15 * 60_000 };
const range = (n: number) => [...Array(n).keys()];

describe.each(await databaseKinds())("account controls on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  let helpdesk: Actor;
  const version = async (id: number) => (await getUser(t.db, tenantId, id)).version;
  const disable = (actor: Actor, id: number, v: number, db = t.db) => disableUserCommand.run(db, actor, { id, version: v });
  const enable = (actor: Actor, id: number, v: number) => enableUserCommand.run(t.db, actor, { id, version: v });
  const unlock = (actor: Actor, id: number, v: number, db = t.db) => unlockUserCommand.run(db, actor, { id, version: v });
  const signIn = (username: string, kind: "console" | "api" | "oauth" = "console") =>
    signInWithPassword(t.db, config, { username, password: TEST_PASSWORD, kind });
  const secretOf = (result: Awaited<ReturnType<typeof signIn>>) => (result.ok ? result.sessionSecret : "");

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    helpdesk = await actorFor(t.db, (await seedUser(t.db, { grants: HELPDESK })).id);
  });
  afterAll(() => t.drop());

  it("disable ends every session at once and refuses sign-in everywhere; enable lets them back; last sign-in is kept", async () => {
    const user = await seedUser(t.db, { grants: [LOGIN] });
    const before = new Date(Date.now() - 1000);
    const console = secretOf(await signIn(user.username));
    const api = secretOf(await signIn(user.username, "api"));
    expect((await getUser(t.db, tenantId, user.id)).lastSignInAt!.getTime()).toBeGreaterThan(before.getTime());
    expect(await resolveSession(t.db, console, policy)).not.toBeNull();

    expect(await disable(admin, user.id, await version(user.id))).toMatchObject({ endedSessions: 2 });
    expect(await resolveSession(t.db, console, policy)).toBeNull();
    expect(await resolveSession(t.db, api, policy)).toBeNull();
    for (const via of ["console", "api", "oauth"] as const) expect((await signIn(user.username, via)).ok).toBe(false);
    const failed = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in_failed", targetId: String(user.id) },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(failed.after!)).toMatchObject({ reason: "disabled" });
    // The refusal counted no failure: enabling does not leave the account closer to a lock.
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).failedAttempts).toBe(0);
    expect((await getUser(t.db, tenantId, user.id)).account).toMatchObject({ disabled: true });

    await enable(admin, user.id, await version(user.id));
    expect((await signIn(user.username)).ok).toBe(true);
    const actions = (await listTargetEvents(t.db, tenantId, { targetType: "user", targetId: String(user.id), size: 50 })).rows.map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a.startsWith("user."))).toEqual(["user.enabled", "user.disabled"]);
  });

  it("a session that slipped past the disable is ended on its next request", async () => {
    const user = await seedUser(t.db, { grants: [LOGIN] });
    const secret = secretOf(await signIn(user.username));
    await t.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveSession(t.db, secret, policy)).toBeNull();
    const [session] = await t.db.session.findMany({ where: { userId: user.id } });
    expect(session).toMatchObject({ revokedReason: "user disabled" });
  });

  it("refuses disabling oneself, the admin account, twice, or someone holding more than the actor; enables only the disabled", async () => {
    const plain = await seedUser(t.db, { grants: [LOGIN] });
    const stronger = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/manage/apim_admin"] });
    const superAdmin = await t.db.user.findFirstOrThrow({ where: { username: "admin" } });
    await expect(disable(admin, admin.userId, await version(admin.userId))).rejects.toThrow(/your own account/);
    await expect(disable(admin, superAdmin.id, superAdmin.version)).rejects.toThrow(/Only the admin account/);
    await expect(disable(helpdesk, stronger.id, await version(stronger.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(enable(admin, plain.id, await version(plain.id))).rejects.toThrow(/is not disabled/);
    await disable(helpdesk, plain.id, await version(plain.id));
    await expect(disable(admin, plain.id, await version(plain.id))).rejects.toThrow(/already disabled/);
    // Nothing was written by the refusals.
    expect((await getUser(t.db, tenantId, stronger.id)).account?.disabled).toBe(false);
    expect(await t.db.auditEvent.count({ where: { action: "user.disabled", targetId: String(stronger.id) } })).toBe(0);
  });

  it("a read-only (external) store's user is disabled Gatehouse-side", async () => {
    const ldap = await t.db.userStore.create({ data: { tenantId, domain: `RO${kind}`, kind: "secondary", readOnly: true } });
    const user = await t.db.user.create({
      data: { tenantId, storeId: ldap.id, username: "mirror", usernameKey: "mirror", passwordHash: "x" },
    });
    await disable(admin, user.id, user.version);
    expect((await getUser(t.db, tenantId, user.id)).disabledAt).not.toBeNull();
  });

  it("unlock ends the account's and every address's lock; refused when not locked, stale, or beyond the actor", async () => {
    const user = await seedUser(t.db, { grants: [LOGIN] });
    const until = new Date(Date.now() + 3_600_000);
    await t.db.user.update({ where: { id: user.id }, data: { lockedUntil: until, failedAttempts: 3 } });
    await t.db.addressLockout.create({ data: { tenantId, userId: user.id, address: "203.0.113.9", lockedUntil: until } });
    expect((await signIn(user.username)).ok).toBe(false);
    const v = await version(user.id);
    await unlock(helpdesk, user.id, v);
    await expect(unlock(helpdesk, user.id, v)).rejects.toMatchObject({ code: "STALE_VERSION" });
    await expect(unlock(helpdesk, user.id, await version(user.id))).rejects.toThrow(/is not locked/);
    expect(await t.db.addressLockout.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn(user.username)).ok).toBe(true);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.unlocked", targetId: String(user.id) } });
    expect(event.actorName).toBe(helpdesk.displayName);

    const stronger = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/manage/apim_admin"] });
    await t.db.user.update({ where: { id: stronger.id }, data: { lockedUntil: until } });
    await expect(unlock(helpdesk, stronger.id, await version(stronger.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("two admins on one view: one applies, every other gets the sequential STALE_VERSION", async () => {
    const { pick, close } = twoInstances(t.target);
    try {
      const target = await seedUser(t.db, { grants: [LOGIN] });
      const v = await version(target.id);
      const out = await race(range(IN_FLIGHT).map((i) => () => disable(admin, target.id, v, pick(i))));
      expect(out.failures).toEqual([]);
      expect(out.values).toHaveLength(1);
      expect(out.refused).toEqual({ STALE_VERSION: IN_FLIGHT - 1 });
      expect(await t.db.auditEvent.count({ where: { action: "user.disabled", targetId: String(target.id) } })).toBe(1);

      const locked = await seedUser(t.db, { grants: [LOGIN] });
      await t.db.user.update({ where: { id: locked.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
      const lv = await version(locked.id);
      const unlocks = await race(range(IN_FLIGHT).map((i) => () => unlock(admin, locked.id, lv, pick(i))));
      expect(unlocks.values).toHaveLength(1);
      expect(unlocks.refused).toEqual({ STALE_VERSION: IN_FLIGHT - 1 });
    } finally {
      await close();
    }
  });

  it("lists one user's sessions, and pages a user's events by keyset", async () => {
    const user = await seedUser(t.db, { grants: [LOGIN] });
    await signIn(user.username);
    await signIn(user.username, "api");
    const page = await listActiveSessions(t.db, tenantId, policy.idleTimeoutMs, { page: 1, size: 25, userId: user.id });
    expect(page.rows.map((r) => r.kind).sort()).toEqual(["api", "console"]);
    for (let i = 0; i < 3; i++) {
      await disable(admin, user.id, await version(user.id));
      await enable(admin, user.id, await version(user.id));
    }
    const params = { targetType: "user", targetId: String(user.id), size: 4 };
    const first = await listTargetEvents(t.db, tenantId, params);
    const second = await listTargetEvents(t.db, tenantId, { ...params, after: first.next! });
    const ids = [...first.rows, ...second.rows].map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(first.rows[0]!.action).toBe("user.enabled");
    expect(second.prev).not.toBeNull();
    expect((await listTargetEvents(t.db, tenantId, { ...params, before: second.prev! })).rows.map((e) => e.id)).toEqual(
      first.rows.map((e) => e.id),
    );
  });

  // Last: it takes the admin account out of the count (disabled directly), leaving two admins.
  it("two admins disabling each other at once: one applies, the other is refused as the last enabled admin", async () => {
    await t.db.user.updateMany({ where: { username: "admin" }, data: { disabledAt: new Date() } });
    await t.db.user.updateMany({
      where: { tenantId, id: { not: admin.userId }, memberships: { some: { role: { kind: "admin" } } } },
      data: { disabledAt: new Date() },
    });
    const other = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    const { pick, close } = twoInstances(t.target);
    try {
      const [va, vo] = [await version(admin.userId), await version(other.userId)];
      const out = await race([() => disable(admin, other.userId, vo, pick(0)), () => disable(other, admin.userId, va, pick(1))]);
      expect(out.failures).toEqual([]);
      expect(out.values).toHaveLength(1);
      expect(out.refused).toEqual({ FORBIDDEN: 1 });
      const enabled = await t.db.user.count({ where: { id: { in: [admin.userId, other.userId] }, disabledAt: null } });
      expect(enabled).toBe(1);
    } finally {
      await close();
    }
  });
});
