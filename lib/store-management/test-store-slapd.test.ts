import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/databases.ts";
import { seedUser } from "../../testing/seed.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../testing/slapd.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { forgetStoreKey } from "../stores/secrets.ts";
import { addStoreCommand, testStoreCommand } from "./commands.ts";

// Test connection against a real directory: every step passes with the right bind password,
// and the wrong one stops at the bind with a message an admin can act on. One database kind is
// enough: the directory, not the database, is under test here.
describe.skipIf(!slapdAvailable())("Test connection against slapd", () => {
  let t: TestDatabase;
  let slapd: Slapd;
  let admin: Actor;
  const previousKey = process.env.GATEHOUSE_STORE_KEY;
  const settings = (bindPassword: string) => ({
    urls: [slapd.url],
    bindDn: slapd.rootDn,
    bindPassword,
    userSearchBase: slapd.peopleDn,
    groupSearchBase: slapd.groupsDn,
  });

  beforeAll(async () => {
    process.env.GATEHOUSE_STORE_KEY = "a-test-store-key-of-at-least-32-characters";
    forgetStoreKey();
    slapd = await startSlapd();
    t = await createTestDatabase("sqlite");
    await provision(t.db, testConfig());
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
  });
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.GATEHOUSE_STORE_KEY;
    else process.env.GATEHOUSE_STORE_KEY = previousKey;
    forgetStoreKey();
    await slapd?.stop();
    await t?.drop();
  });

  it("passes every step on the saved settings, and stops at the bind with a wrong password in the form", async () => {
    const { id } = await addStoreCommand.run(
      t.db,
      admin,
      addStoreCommand.input.parse({ type: "ldap", domain: "slapd", settings: settings(slapd.rootPassword) }),
    );
    const saved = await testStoreCommand.run(t.db, admin, { id });
    expect(saved.steps.length).toBeGreaterThan(1);
    expect(saved.steps.filter((s) => !s.ok)).toEqual([]);
    expect(saved.ok).toBe(true);

    const wrong = await testStoreCommand.run(
      t.db,
      admin,
      testStoreCommand.input.parse({ id, type: "ldap", settings: settings("not-the-password") }),
    );
    expect(wrong.ok).toBe(false);
    const failed = wrong.steps.find((s) => !s.ok)!;
    expect(failed.detail).not.toContain("not-the-password");
    expect(failed.detail.length).toBeGreaterThan(10);
    // A blank password in the form is the saved one.
    const blank = await testStoreCommand.run(t.db, admin, testStoreCommand.input.parse({ id, type: "ldap", settings: settings("") }));
    expect(blank.ok).toBe(true);
  });
});
