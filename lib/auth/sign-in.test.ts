import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import { provision } from "../provisioning/provision.ts";
import { HOURLY_FAILURE_CEILING } from "./lockout.ts";
import { signInWithPassword } from "./sign-in.ts";

// One address per account here, so the pair and the account lock together; lib/auth/lockout.test.ts
// covers addresses locked out on their own. Rate limits are high enough not to interfere.
const config = testConfig({
  lockout: { max_failed_attempts: 3, account_max_failed_attempts: 3, initial_lock_minutes: 5, lock_multiplier: 2 },
  rate_limit: { per_address: 10_000, global: 10_000 },
});
const LOGIN = ["/permission/admin/login"] as const;

describe.each(await databaseKinds())("password sign-in on %s", (kind) => {
  let t: TestDatabase;
  const attempt = (username: string, password: string) =>
    signInWithPassword(t.db, config, { username, password, kind: "console", ip: "203.0.113.9" });
  const reasons = async (userId: number | null) =>
    (await t.db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", actorId: userId }, orderBy: { id: "asc" } })).map(
      (e) => JSON.parse(e.after!).reason,
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
  });
  afterAll(() => t.drop());

  it("opens a recorded session for the right password", async () => {
    const user = await seedUser(t.db, { grants: LOGIN });
    const result = await attempt(user.username, TEST_PASSWORD);
    expect(result.ok).toBe(true);
    expect(await t.db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "auth.signed_in", actorId: user.id } })).toBe(1);
  });

  it("ignores username case, as usernames are case-insensitive", async () => {
    const user = await seedUser(t.db, { username: `MixedCase_${Date.now()}`, grants: LOGIN });
    expect((await attempt(user.username.toLowerCase(), TEST_PASSWORD)).ok).toBe(true);
  });

  it("fails the same way for a wrong password and an unknown user, and audits the real reason", async () => {
    const user = await seedUser(t.db, { grants: LOGIN });
    expect(await attempt(user.username, "wrong password!")).toEqual({ ok: false });
    expect(await attempt("nobody-by-this-name", "wrong password!")).toEqual({ ok: false });
    expect(await reasons(user.id)).toEqual(["wrong password"]);
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { actorName: "nobody-by-this-name" } })).after).toContain("unknown user");
  });

  it("refuses a user without the Login permission", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/monitor/logs"] });
    expect(await attempt(user.username, TEST_PASSWORD)).toEqual({ ok: false });
    expect(await reasons(user.id)).toEqual(["no login permission"]);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("locks after the configured failures, refuses even the right password, and locks longer each time", async () => {
    const user = await seedUser(t.db, { grants: LOGIN });
    for (let i = 0; i < 3; i++) await attempt(user.username, "wrong password!");
    const first = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(first.lockCount).toBe(1);
    const firstLockMs = first.lockedUntil!.getTime() - Date.now();
    expect(firstLockMs).toBeGreaterThan(4 * 60_000);
    expect(firstLockMs).toBeLessThanOrEqual(5 * 60_000);
    expect(await attempt(user.username, TEST_PASSWORD)).toEqual({ ok: false });
    expect(await t.db.auditEvent.count({ where: { action: "auth.account_locked", targetId: String(user.id) } })).toBe(1);

    // Let the first lock run out, then fail again: the second lock lasts twice as long.
    await t.db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await t.db.addressLockout.updateMany({ where: { userId: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    for (let i = 0; i < 3; i++) await attempt(user.username, "wrong password!");
    const second = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(second.lockCount).toBe(2);
    expect(second.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
  });

  it("counts concurrent failures without losing any", async () => {
    const user = await seedUser(t.db, { grants: LOGIN });
    await Promise.all(Array.from({ length: 3 }, () => attempt(user.username, "wrong password!")));
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lockCount).toBe(1);
    expect(after.failuresInWindow).toBe(3);
  });

  it("enforces ASVS's 100 failures an hour even with lockout switched off", async () => {
    const noLockout = testConfig({ lockout: { enabled: false } });
    const user = await seedUser(t.db, { grants: LOGIN });
    await t.db.user.update({
      where: { id: user.id },
      data: { failureWindowStart: new Date(), failuresInWindow: HOURLY_FAILURE_CEILING - 1 },
    });
    await signInWithPassword(t.db, noLockout, { username: user.username, password: "wrong password!", kind: "console" });
    expect((await signInWithPassword(t.db, noLockout, { username: user.username, password: TEST_PASSWORD, kind: "console" })).ok).toBe(
      false,
    );
    // An hour later the window has passed.
    await t.db.user.update({ where: { id: user.id }, data: { failureWindowStart: new Date(Date.now() - 3_600_001) } });
    expect((await signInWithPassword(t.db, noLockout, { username: user.username, password: TEST_PASSWORD, kind: "console" })).ok).toBe(
      true,
    );
  });

  it("resets the failure count after a success", async () => {
    const user = await seedUser(t.db, { grants: LOGIN });
    await attempt(user.username, "wrong password!");
    await attempt(user.username, "wrong password!");
    expect((await attempt(user.username, TEST_PASSWORD)).ok).toBe(true);
    await attempt(user.username, "wrong password!");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeNull();
  });
});
