import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { importJobs } from "../../testing/import-job.ts";
import { superAdminActor } from "../../testing/tenants.ts";
import { createWso2Database, seedWso2, wso2Sha256, type Wso2Database } from "../../testing/wso2-jdbc.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import type { Directory } from "../user-stores/external/directory.ts";
import { createJdbcDirectory } from "../user-stores/external/jdbc/jdbc-directory.ts";
import { ZJdbcSettings } from "../user-stores/external/settings.ts";
import { syncStore } from "../user-stores/external/sync.ts";

const config = testConfig();
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = config;
process.env.GATEHOUSE_STORE_KEY ??= "test-store-key-for-the-jdbc-import-suite-0123456789";
const EMAIL = "http://wso2.org/claims/emailaddress";
const PASSWORD = "a long enough password 1";
const kinds = await databaseKinds();

// The WSO2 user database is PostgreSQL; the mirror runs on both of Gatehouse's databases.
describe.skipIf(!kinds.includes("postgres"))("bulk import into a read-write WSO2 JDBC store", () => {
  describe.each(kinds)("mirrored on %s", (kind) => {
    let wso2: Wso2Database;
    let t: TestDatabase;
    let admin: Actor;
    let jdbc: Directory;
    let jobs: ReturnType<typeof importJobs>;
    let storeId: number;

    beforeAll(async () => {
      wso2 = await createWso2Database();
      await seedWso2(wso2.client, { users: 3, roles: 1, membersPerRole: 1, password: "seeded-Password-1" });
      t = await createTestDatabase(kind);
      await provision(t.db, config);
      admin = await superAdminActor(t.db);
      jobs = importJobs(t.db);
      const settings = JSON.stringify({ url: wso2.url });
      const data = { tenantId: admin.tenantId, domain: "WSO2", kind: "secondary", type: "jdbc", readOnly: false, settings };
      storeId = (await t.db.userStore.create({ data })).id;
      await syncStore(t.db, admin.tenantId, storeId);
      jdbc = createJdbcDirectory(ZJdbcSettings.parse({ url: wso2.url }), true);
    });
    afterAll(async () => {
      await jdbc?.close();
      await t?.drop();
      await wso2?.drop();
    });

    it("writes the users into WSO2's UM tables with WSO2's salted hash, their claims and roles, then the mirror", async () => {
      const text = ["UserName,Password,Claims", `jdbc_ann,${PASSWORD},${EMAIL}=ann@example.com,http://wso2.org/claims/role=WSO2/role-1`];
      const preview = await jobs.stage(admin, "WSO2", [...text, `jdbc_bob,${PASSWORD}`].join("\n"));
      expect(preview).toMatchObject({ toCreate: 2, invalid: 0 });
      expect(await jobs.applied(admin, preview.id)).toMatchObject({ state: "done", created: 2 });

      const ann = (await jdbc.findUser("jdbc_ann"))!;
      expect(ann.claims).toMatchObject({ [EMAIL]: "ann@example.com" });
      const [row] = (
        await wso2.client.query("SELECT UM_USER_PASSWORD AS p, UM_SALT_VALUE AS s FROM UM_USER WHERE UM_USER_NAME = 'jdbc_ann'")
      ).rows;
      expect(row.p).toBe(wso2Sha256(PASSWORD, row.s));
      const role = await t.db.role.findFirstOrThrow({ where: { storeId, name: "role-1" } });
      expect(ann.groupIds).toEqual([role.externalId]);
      const mirror = await t.db.user.findFirstOrThrow({
        where: { storeId, username: "jdbc_ann" },
        include: { claims: true, memberships: true },
      });
      expect(mirror.claims.find((c) => c.claim === EMAIL)?.value).toBe("ann@example.com");
      expect(mirror.memberships.map((m) => m.roleId)).toEqual([role.id]);
    });

    it("leaves none of a failed chunk's users in the UM tables", async () => {
      const preview = await jobs.stage(admin, "WSO2", ["UserName,Password", `jfail_1,${PASSWORD}`, `jfail_2,${PASSWORD}`].join("\n"));
      const writer = createJdbcDirectory(ZJdbcSettings.parse({ url: wso2.url }), false);
      await writer.createUser({ username: "jfail_2", password: "another password 1", claims: {} });
      await writer.close();
      const failed = await jobs.applied(admin, preview.id);
      expect(failed).toMatchObject({ state: "failed", created: 0 });
      expect(failed.lastError).toMatch(/^jfail_2: /);
      expect(await jdbc.findUser("jfail_1")).toBeNull();
      expect(await t.db.user.count({ where: { storeId, username: { startsWith: "jfail_" } } })).toBe(0);
    });
  });
});
