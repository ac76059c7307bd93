import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../testing/databases.ts";
import { addPerson, createTestDirectory, seedExternalStore } from "../../../testing/test-directory.ts";
import { provision } from "../../provisioning/provision.ts";
import { runDueSyncs } from "./sync-scheduler.ts";

describe.each(await databaseKinds())("scheduled syncs on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
  });
  afterAll(() => t.drop());

  it("syncs stores whose interval has passed, skips the rest, and leaves a store another run holds", async () => {
    const due = createTestDirectory();
    addPerson(due, "sam");
    const store = await seedExternalStore(t.db, due);
    const manual = await seedExternalStore(t.db, createTestDirectory());
    await t.db.userStore.update({ where: { id: manual.id }, data: { settings: JSON.stringify({ syncIntervalMinutes: 0 }) } });
    const held = await seedExternalStore(t.db, createTestDirectory());
    await t.db.storeSync.create({ data: { storeId: held.id, state: "running", owner: "elsewhere", heartbeatAt: new Date() } });
    const disabled = await seedExternalStore(t.db, createTestDirectory(), { enabled: false });

    expect(await runDueSyncs(t.db)).toEqual([store.id]);
    expect(await t.db.user.count({ where: { storeId: store.id } })).toBe(1);
    expect(await runDueSyncs(t.db)).toEqual([]);
    expect(await runDueSyncs(t.db, new Date(Date.now() + 16 * 60_000))).toEqual([store.id]);
    expect(await t.db.storeSync.count({ where: { storeId: { in: [manual.id, disabled.id] } } })).toBe(0);
  });
});
