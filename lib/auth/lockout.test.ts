import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import { provision } from "../provisioning/provision.ts";
import { signInWithPassword } from "./sign-in.ts";

const config = testConfig({
  lockout: { max_failed_attempts: 3, account_max_failed_attempts: 6 },
  rate_limit: { per_address: 10_000, global: 10_000 },
});
const LOGIN = ["/permission/admin/login"] as const;

describe.each(await databaseKinds())("lockout per account and client address on %s", (kind) => {
  let t: TestDatabase;
  const attempt = (username: string, password: string, ip: string) =>
    signInWithPassword(t.db, config, { username, password, kind: "console", ip });
  const failFrom = async (username: string, ip: string, times: number) => {
    for (let i = 0; i < times; i++) expect((await attempt(username, "wrong password!", ip)).ok).toBe(false);
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
  });
  afterAll(() => t.drop());

  it("locks an anonymous guesser's address out of the account, not the account's owner elsewhere", async () => {
    const admin = await seedUser(t.db, { admin: true });
    await failFrom(admin.username, "203.0.113.66", 3);
    expect((await attempt(admin.username, TEST_PASSWORD, "203.0.113.66")).ok).toBe(false);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).lockedUntil).toBeNull();
    const pair = await t.db.addressLockout.findUniqueOrThrow({ where: { userId_address: { userId: admin.id, address: "203.0.113.66" } } });
    expect(pair.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await t.db.auditEvent.count({ where: { action: "auth.address_locked", targetId: String(admin.id) } })).toBe(1);

    expect((await attempt(admin.username, TEST_PASSWORD, "192.0.2.10")).ok).toBe(true);
    // The owner's success does not lift the guesser's lock.
    expect((await attempt(admin.username, TEST_PASSWORD, "203.0.113.66")).ok).toBe(false);
  });

  it("locks the whole account once failures from all addresses reach account_max_failed_attempts", async () => {
    const user = await seedUser(t.db, { grants: LOGIN });
    await failFrom(user.username, "198.51.100.1", 3);
    await failFrom(user.username, "198.51.100.2", 2);
    expect((await attempt(user.username, TEST_PASSWORD, "192.0.2.20")).ok).toBe(true);
    // The success reset the account's count; six more from several addresses lock it.
    await failFrom(user.username, "198.51.100.3", 3);
    await failFrom(user.username, "198.51.100.4", 3);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(row.lockCount).toBe(1);
    expect((await attempt(user.username, TEST_PASSWORD, "192.0.2.21")).ok).toBe(false);
    expect(await t.db.auditEvent.count({ where: { action: "auth.account_locked", targetId: String(user.id) } })).toBe(1);
  });

  it("turns attempts reserved by checks that never settled into a lock, instead of refusing for ever", async () => {
    const user = await seedUser(t.db, { grants: LOGIN });
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    // Six checks in flight right now: the account has no attempt left, and nothing is locked.
    await t.db.user.update({ where: { id: user.id }, data: { failedAttempts: 6, lastAttemptAt: new Date() } });
    expect((await attempt(user.username, TEST_PASSWORD, "192.0.2.30")).ok).toBe(false);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeNull();

    // The same six, two minutes old: those checks died. They count as the failures they were.
    await t.db.user.update({ where: { id: user.id }, data: { lastAttemptAt: minutesAgo(2) } });
    expect((await attempt(user.username, TEST_PASSWORD, "192.0.2.30")).ok).toBe(false);
    const locked = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(locked.failedAttempts).toBe(0);

    // Once that lock has run out, the owner signs in again; the same holds for one address.
    await t.db.user.update({ where: { id: user.id }, data: { lockedUntil: minutesAgo(1) } });
    await t.db.addressLockout.create({
      data: { tenantId: locked.tenantId, userId: user.id, address: "192.0.2.31", failedAttempts: 3, lastAttemptAt: minutesAgo(2) },
    });
    expect((await attempt(user.username, TEST_PASSWORD, "192.0.2.31")).ok).toBe(false);
    const pair = await t.db.addressLockout.findUniqueOrThrow({ where: { userId_address: { userId: user.id, address: "192.0.2.31" } } });
    expect(pair.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect((await attempt(user.username, TEST_PASSWORD, "192.0.2.30")).ok).toBe(true);
  });
});
