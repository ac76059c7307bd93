import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseKinds } from "../../../../testing/databases.ts";
import { CARBON_SUPER, wso2Sha256 } from "../../../../testing/wso2-jdbc.ts";
import type { DirectoryUser } from "../directory.ts";
import { MAIL, PASSWORD, wso2DirectoryFixture } from "../../../../testing/jdbc-directory-fixture.ts";

const withPostgres = (await databaseKinds()).includes("postgres");

describe.skipIf(!withPostgres)("WSO2 JDBC directory writes (PostgreSQL, WSO2's UM tables)", () => {
  const f = wso2DirectoryFixture();

  it("writes users, claims, roles and memberships into the UM tables as WSO2 reads them", async () => {
    const created: DirectoryUser = await f.directory.createUser({
      username: "writer",
      password: "pw-writer",
      claims: { [MAIL]: "w@example.org" },
    });
    const id = Number(created.externalId);
    const [userRow] = await f.row(
      "SELECT UM_USER_ID AS uid, UM_TENANT_ID AS t, UM_SALT_VALUE AS s, UM_USER_PASSWORD AS p FROM UM_USER WHERE UM_ID = $1",
      [id],
    );
    expect(userRow.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(userRow).toMatchObject({ t: CARBON_SUPER, p: wso2Sha256("pw-writer", userRow.s) });
    const attributes = () =>
      f.row("SELECT UM_ATTR_NAME AS n, UM_ATTR_VALUE AS v, UM_PROFILE_ID AS pr FROM UM_USER_ATTRIBUTE WHERE UM_USER_ID = $1 ORDER BY 1", [
        id,
      ]);
    // As UniqueIDJDBCUserStoreManager, the user id and username claims are stored too (IS default mappings scimId, uid).
    const managed = [
      { n: "scimId", v: userRow.uid, pr: "default" },
      { n: "uid", v: "writer", pr: "default" },
    ];
    expect(await attributes()).toEqual([{ n: "mail", v: "w@example.org", pr: "default" }, ...managed]);
    expect(created.claims).toMatchObject({ "http://wso2.org/claims/userid": userRow.uid, "http://wso2.org/claims/username": "writer" });

    await f.directory.setClaims(created.externalId, { [MAIL]: "new@example.org", "http://wso2.org/claims/givenname": "Wren" });
    expect(await attributes()).toEqual([
      { n: "givenName", v: "Wren", pr: "default" },
      { n: "mail", v: "new@example.org", pr: "default" },
      ...managed,
    ]);
    await f.directory.setClaims(created.externalId, { [MAIL]: "" });
    expect(await attributes()).toEqual([{ n: "givenName", v: "Wren", pr: "default" }, ...managed]);
    await expect(f.directory.setClaims(created.externalId, { "urn:unmapped": "x" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(f.directory.setClaims(created.externalId, { "http://wso2.org/claims/userid": "forged" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });

    const role = await f.directory.createGroup("writers");
    await expect(f.directory.createGroup("writers")).rejects.toMatchObject({ code: "CONFLICT" });
    const seeded = (await f.directory.findUser("user-20"))!;
    await f.directory.addMembers(role.externalId, [created.externalId, seeded.externalId, created.externalId]);
    await f.directory.addMembers(role.externalId, [created.externalId]);
    const members = () => f.row("SELECT UM_USER_ID AS u FROM UM_USER_ROLE WHERE UM_ROLE_ID = $1 ORDER BY 1", [Number(role.externalId)]);
    expect((await members()).map((m) => String(m.u)).sort()).toEqual([created.externalId, seeded.externalId].sort());
    await expect(f.directory.addMembers(role.externalId, ["999999"])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await f.directory.removeMembers(role.externalId, [seeded.externalId]);
    expect((await members()).map((m) => String(m.u))).toEqual([created.externalId]);

    const [{ pid }] = await f.row(
      `INSERT INTO UM_PERMISSION (UM_RESOURCE_ID, UM_ACTION, UM_TENANT_ID) VALUES ('/permission/admin', 'ui.execute', $1) RETURNING UM_ID AS pid`,
      [CARBON_SUPER],
    );
    await f.row(
      `INSERT INTO UM_ROLE_PERMISSION (UM_PERMISSION_ID, UM_ROLE_NAME, UM_IS_ALLOWED, UM_TENANT_ID, UM_DOMAIN_ID)
       SELECT $1, 'writers', 1, $2, UM_DOMAIN_ID FROM UM_DOMAIN WHERE UM_DOMAIN_NAME = 'PRIMARY' AND UM_TENANT_ID = $2`,
      [pid, CARBON_SUPER],
    );
    await f.directory.deleteGroup(role.externalId);
    expect(await f.row("SELECT 1 FROM UM_ROLE WHERE UM_ID = $1", [Number(role.externalId)])).toEqual([]);
    expect(await members()).toEqual([]);
    expect(await f.row("SELECT 1 FROM UM_ROLE_PERMISSION WHERE UM_ROLE_NAME = 'writers'")).toEqual([]);

    await f.directory.deleteUser(created.externalId);
    expect(await f.row("SELECT 1 FROM UM_USER WHERE UM_ID = $1", [id])).toEqual([]);
    expect(await attributes()).toEqual([]);
    await expect(f.directory.deleteUser(created.externalId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses every write on a read-only store", async () => {
    const readOnly = f.open({}, true);
    try {
      await expect(readOnly.createUser({ username: "nope", password: "x", claims: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(readOnly.setPassword("1", "x")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(readOnly.deleteGroup("1")).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await readOnly.findUser("user-1")).not.toBeNull();
    } finally {
      await readOnly.close();
    }
    expect(await f.directory.findUser("nope")).toBeNull();
  });

  it("reports STORE_UNAVAILABLE when a statement outlives the read timeout (a row held locked)", async () => {
    const user = (await f.directory.findUser("user-11"))!;
    const holder = new pg.Client({ connectionString: f.wso2.url });
    await holder.connect();
    const slow = f.open({ readTimeoutMs: 200 });
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM UM_USER WHERE UM_ID = $1 FOR UPDATE", [Number(user.externalId)]);
      await expect(slow.setPassword(user.externalId, "blocked")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
      await slow.close();
    }
    expect(await f.directory.authenticate(user.externalId, PASSWORD)).toBe(true);
  });
});
