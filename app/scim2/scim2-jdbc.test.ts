// SCIM 2.0 writes against a read-write WSO2 JDBC store (#16), on both databases: each write
// reaches WSO2's UM_ tables (read back with SQL, not through Gatehouse's JDBC code) and the
// mirror SCIM reads from. WSO2's user database is PostgreSQL, so this needs one.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provision } from "../../lib/provisioning/provision.ts";
import { syncStore } from "../../lib/user-stores/external/sync.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic } from "../../testing/oauth2-client.ts";
import { useTestApp } from "../../testing/route-harness.ts";
import { CORE, GROUP, PATCH_OP, type ScimCall, scimCaller } from "../../testing/scim-client.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { createWso2Database, seedWso2, type Wso2Database } from "../../testing/wso2-jdbc.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const kinds = await databaseKinds();

describe.skipIf(!kinds.includes("postgres"))("SCIM 2.0 on a WSO2 JDBC store", () => {
  let wso2: Wso2Database;
  beforeAll(async () => {
    wso2 = await createWso2Database();
    await seedWso2(wso2.client, { users: 3, roles: 0, membersPerRole: 0, password: "wso2-user-Secret-1" });
  });
  afterAll(() => wso2?.drop());
  const attributes = async (username: string) =>
    Object.fromEntries(
      (
        await wso2.client.query<{ name: string; value: string }>(
          `SELECT a.UM_ATTR_NAME AS name, a.UM_ATTR_VALUE AS value
             FROM UM_USER_ATTRIBUTE a JOIN UM_USER u ON u.UM_ID = a.UM_USER_ID WHERE u.UM_USER_NAME = $1`,
          [username],
        )
      ).rows.map((r) => [r.name, r.value]),
    );
  const exists = async (table: "UM_USER" | "UM_ROLE", name: string) =>
    (await wso2.client.query(`SELECT 1 FROM ${table} WHERE ${table === "UM_USER" ? "UM_USER_NAME" : "UM_ROLE_NAME"} = $1`, [name]))
      .rowCount === 1;

  describe.each(kinds)("on %s", (kind) => {
    let t: TestDatabase;
    let scim: ScimCall;
    const name = `jane-${kind}`;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      useTestApp(t.db);
      await provision(t.db, testConfig());
      const tenantId = await superTenantId(t.db);
      const admin = await seedUser(t.db, { admin: true });
      const store = await t.db.userStore.create({
        data: { tenantId, domain: "JDBC1", kind: "secondary", type: "jdbc", readOnly: false, settings: JSON.stringify({ url: wso2.url }) },
      });
      await syncStore(t.db, tenantId, store.id);
      scim = scimCaller(t.db, basic(admin.username, admin.password));
    });
    afterAll(() => t?.drop());

    it("POST, PATCH, a group and DELETE reach UM_USER, UM_USER_ATTRIBUTE and UM_ROLE", async () => {
      const made = await scim("POST", "/Users", {
        schemas: [CORE],
        userName: `JDBC1/${name}`,
        password: "Jane-directory-Secret-1",
        name: { givenName: "Jane", familyName: "Doe" },
        emails: [{ value: "jane@example.test", primary: true }],
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(await attributes(name)).toMatchObject({ givenName: "Jane", sn: "Doe", mail: "jane@example.test" });

      const patched = await scim("PATCH", `/Users/${made.body.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: "replace", path: "name.givenName", value: "Janet" }],
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(await attributes(name)).toMatchObject({ givenName: "Janet", sn: "Doe" });

      const team = await scim("POST", "/Groups", {
        schemas: [GROUP],
        displayName: `JDBC1/team-${kind}`,
        members: [{ value: made.body.id }],
      });
      expect(team.status, JSON.stringify(team.body)).toBe(201);
      expect(await exists("UM_ROLE", `team-${kind}`)).toBe(true);
      expect((await scim("DELETE", `/Groups/${team.body.id}`)).status).toBe(204);
      expect(await exists("UM_ROLE", `team-${kind}`)).toBe(false);

      expect((await scim("DELETE", `/Users/${made.body.id}`)).status).toBe(204);
      expect(await exists("UM_USER", name)).toBe(false);
      expect(await t.db.user.count({ where: { id: Number(made.body.id) } })).toBe(0);
    });
  });
});
