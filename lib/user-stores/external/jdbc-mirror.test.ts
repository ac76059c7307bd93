import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../testing/actor.ts";
import { testConfig } from "../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../testing/databases.ts";
import { seedUser, superTenantId } from "../../../testing/seed.ts";
import { createWso2Database, seedWso2, type Wso2Database } from "../../../testing/wso2-jdbc.ts";
import { signInWithPassword } from "../../auth/sign-in.ts";
import { provision } from "../../provisioning/provision.ts";
import { setUserRolesCommand } from "../../users/commands.ts";
import { syncStore } from "./sync.ts";

const kinds = await databaseKinds();
const config = testConfig({ rate_limit: { per_address: 10_000, global: 10_000 } });
const PASSWORD = "wso2-user-Secret-1";

// The WSO2 user database is PostgreSQL: without one (tests that may skip it) there is nothing to mirror.
describe.skipIf(!kinds.includes("postgres"))("a WSO2 JDBC store mirrored into Gatehouse", () => {
  let wso2: Wso2Database;
  beforeAll(async () => {
    wso2 = await createWso2Database();
    await seedWso2(wso2.client, { users: 25, roles: 4, membersPerRole: 10, password: PASSWORD });
  });
  afterAll(() => wso2?.drop());

  describe.each(kinds)("on %s", (kind) => {
    let t: TestDatabase;
    let tenantId: number;
    let storeId: number;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      await provision(t.db, config);
      tenantId = await superTenantId(t.db);
      const settings = JSON.stringify({ url: wso2.url, pageSize: 10 });
      storeId = (
        await t.db.userStore.create({ data: { tenantId, domain: "WSO2", kind: "secondary", type: "jdbc", readOnly: true, settings } })
      ).id;
    });
    afterAll(() => t?.drop());

    it("syncs WSO2's users and roles, and signs in as WSO2/name with WSO2's salted password", async () => {
      expect(await syncStore(t.db, tenantId, storeId)).toMatchObject({ users: 25, groups: 4, created: 29, skipped: 0 });
      expect((await t.db.role.findMany({ where: { storeId }, orderBy: { name: "asc" } })).map((r) => [r.name, r.memberCount])).toEqual([
        ["role-1", 10],
        ["role-2", 10],
        ["role-3", 10],
        ["role-4", 10],
      ]);
      const user = await t.db.user.findFirstOrThrow({ where: { storeId, username: "user-1" }, include: { claims: true } });
      expect(user.claims.map((c) => c.value)).toContain("user-1@example.org");

      const internal = await t.db.userStore.findFirstOrThrow({ where: { tenantId, kind: "internal" } });
      const login = await t.db.role.create({
        data: {
          tenantId,
          storeId: internal.id,
          name: "wso2-login",
          nameKey: "wso2-login",
          nameSkeleton: "wso2-login",
          grants: { create: [{ permission: "/permission/admin/login" }] },
        },
      });
      const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
      await setUserRolesCommand.run(t.db, admin, { id: user.id, version: user.version, add: [login.id], remove: [] });
      const attempt = (password: string) =>
        signInWithPassword(t.db, config, { username: "WSO2/user-1", password, kind: "console", ip: "203.0.113.40" });
      expect(await attempt(PASSWORD)).toMatchObject({ ok: true, userId: user.id });
      expect(await attempt("not-the-password")).toEqual({ ok: false });
    });
  });
});
