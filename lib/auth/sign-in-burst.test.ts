import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import { createDb, type Db } from "../db/client.ts";
import { provision } from "../provisioning/provision.ts";
import { signInWithPassword } from "./sign-in.ts";

// Rate limits high enough that only the lockout is under test here.
const MAX = 3;
const config = testConfig({ lockout: { max_failed_attempts: MAX }, rate_limit: { per_address: 10_000, global: 10_000 } });
const LOGIN = ["/permission/admin/login"] as const;
const IP = "198.51.100.7";
const BURST = 30;

describe.each(await databaseKinds())("lockout under a parallel burst on %s", (kind) => {
  let t: TestDatabase;
  const attempt = (client: Db, username: string, password: string) =>
    signInWithPassword(client, config, { username, password, kind: "api", ip: IP });
  const wrongChecked = async (userId: number) =>
    (await t.db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", actorId: userId } })).filter((e) =>
      e.after!.includes('"wrong password"'),
    ).length;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
  });
  afterAll(() => t.drop());

  it("checks no more than max_failed_attempts wrong passwords, then refuses the right one", async () => {
    const user = await seedUser(t.db, { grants: LOGIN });
    const results = await Promise.all(Array.from({ length: BURST }, () => attempt(t.db, user.username, "wrong password!")));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await wrongChecked(user.id)).toBe(MAX);
    expect((await attempt(t.db, user.username, TEST_PASSWORD)).ok).toBe(false);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("grants no session to a right password that arrives with a burst of wrong ones once they are used up", async () => {
    const user = await seedUser(t.db, { grants: LOGIN });
    const guesses = [...Array.from({ length: BURST }, () => "wrong password!"), TEST_PASSWORD];
    const results = await Promise.all(guesses.map((password) => attempt(t.db, user.username, password)));
    const rightOk = results.at(-1)!.ok;
    // The right password wins only when it was among the first MAX checks; a success resets
    // the count (as it always has), so then at most MAX - 1 wrong guesses came before it and
    // MAX after it.
    expect(await wrongChecked(user.id)).toBeLessThanOrEqual(rightOk ? 2 * MAX - 1 : MAX);
    expect(results.slice(0, -1).every((r) => !r.ok)).toBe(true);
    expect((await attempt(t.db, user.username, TEST_PASSWORD)).ok).toBe(false);
  });

  it.runIf(kind === "postgres")("holds with two instances on one database", async () => {
    const second = createDb(t.target);
    try {
      const user = await seedUser(t.db, { grants: LOGIN });
      const results = await Promise.all(
        Array.from({ length: BURST }, (_, i) => attempt(i % 2 ? second : t.db, user.username, "wrong password!")),
      );
      expect(results.every((r) => !r.ok)).toBe(true);
      expect(await wrongChecked(user.id)).toBe(MAX);
      expect((await attempt(second, user.username, TEST_PASSWORD)).ok).toBe(false);
    } finally {
      await second.$disconnect();
    }
  });
});
