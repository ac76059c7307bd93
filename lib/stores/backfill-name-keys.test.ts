import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { findUserId } from "../management/names.ts";
import { provision } from "../provisioning/provision.ts";
import { createUser } from "../users/create-user.ts";
import { backfillNameKeys } from "./backfill-name-keys.ts";
import { nameSkeleton } from "./look-alike.ts";

// The key as Gatehouse computed it before NFKC and case folding.
const oldKey = (name: string) => name.normalize("NFC").toLowerCase();
const password = "a perfectly long password";

describe.each(await databaseKinds())("start-up's name backfill on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let primaryId: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    primaryId = (await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } })).id;
  });
  afterAll(() => t.drop());

  // Rows as an older Gatehouse wrote them: the old key and no skeleton.
  const legacyUser = (username: string) =>
    t.db.user.create({ data: { tenantId, storeId: primaryId, username, usernameKey: oldKey(username), passwordHash: "x" } });

  it("recomputes keys and skeletons of older rows in batches, keeps a key that would clash, and then has nothing to do", async () => {
    await t.db.user.updateMany({ data: { usernameSkeleton: null } });
    await t.db.role.updateMany({ data: { nameSkeleton: null } });
    const bob = await legacyUser("ＢＯＢ_x");
    await legacyUser("strasse");
    const straße = await legacyUser("Straße");
    const ops = await t.db.role.create({ data: { tenantId, storeId: primaryId, name: "ＯＰＳ", nameKey: oldKey("ＯＰＳ") } });
    const many = Array.from({ length: 2100 }, (_, i) => `bulk_${i}`);
    await t.db.user.createMany({
      data: many.map((username) => ({ tenantId, storeId: primaryId, username, usernameKey: username, passwordHash: "x" })),
    });
    const users = await t.db.user.count();
    const roles = await t.db.role.count();

    const report = await backfillNameKeys(t.db, t.target.provider);

    expect(report).toEqual({ users, roles, kept: [{ kind: "user", name: "Straße", clashesWith: "strasse" }] });
    expect(await t.db.user.count({ where: { usernameSkeleton: null } })).toBe(0);
    expect(await t.db.role.count({ where: { nameSkeleton: null } })).toBe(0);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: bob.id } })).toMatchObject({
      usernameKey: "bob_x",
      usernameSkeleton: nameSkeleton("bob_x"),
    });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: straße.id } })).toMatchObject({
      usernameKey: "straße",
      usernameSkeleton: nameSkeleton("strasse"),
    });
    expect(await t.db.role.findUniqueOrThrow({ where: { id: ops.id } })).toMatchObject({
      nameKey: "ops",
      nameSkeleton: nameSkeleton("ops"),
    });
    expect(await t.db.user.findFirstOrThrow({ where: { username: "bulk_2099" } })).toMatchObject({
      usernameSkeleton: nameSkeleton("bulk_2099"),
    });
    expect(await findUserId(t.db, tenantId, "bob_X")).toBe(bob.id);

    expect(await backfillNameKeys(t.db, t.target.provider)).toEqual({ users: 0, roles: 0, kept: [] });
  });

  it("lets the look-alike check see the backfilled rows", async () => {
    const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    const create = (username: string) => createUser(t.db, admin, { domain: "PRIMARY", username, password, roleIds: [] });
    await expect(create("bob_X")).rejects.toThrow("A user named ＢＯＢ_x already exists.");
    await expect(create("b\u043Eb_x")).rejects.toThrow(
      `"b\u043Eb_x" looks like the existing user "ＢＯＢ_x"; choose a clearly different name.`,
    );
  });
});
