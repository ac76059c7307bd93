import { describe, expect, it } from "vitest";
import { databaseKinds } from "../../../../testing/databases.ts";
import { CARBON_SUPER, wso2Sha256 } from "../../../../testing/wso2-jdbc.ts";
import { PASSWORD, wso2DirectoryFixture } from "../../../../testing/jdbc-directory-fixture.ts";

const withPostgres = (await databaseKinds()).includes("postgres");

describe.skipIf(!withPostgres)("WSO2 JDBC directory passwords (PostgreSQL, WSO2's UM tables)", () => {
  const f = wso2DirectoryFixture();

  it("authenticates against WSO2's salted SHA-256 computed independently, and refuses the wrong password", async () => {
    const user = (await f.directory.findUser("user-7"))!;
    const [stored] = await f.row("SELECT UM_USER_PASSWORD AS p, UM_SALT_VALUE AS s FROM UM_USER WHERE UM_ID = $1", [
      Number(user.externalId),
    ]);
    expect(stored.p).toBe(wso2Sha256(PASSWORD, stored.s));
    expect(stored.s).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(await f.directory.authenticate(user.externalId, PASSWORD)).toBe(true);
    expect(await f.directory.authenticate(user.externalId, PASSWORD.toUpperCase())).toBe(false);
    expect(await f.directory.authenticate("999999", PASSWORD)).toBe(false);
    expect(await f.directory.authenticate("not-an-id", PASSWORD)).toBe(false);
  });

  it("matches fixed vectors: FIPS 180-2 / RFC 1321 digests of 'abc' as password 'ab' + salt 'c'", async () => {
    const vectors = [
      { digest: "SHA-256", stored: "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=" },
      { digest: "SHA-1", stored: "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=" },
      { digest: "MD5", stored: "kAFQmDzST7DWlj99KOF/cg==" },
    ];
    for (const { digest, stored } of vectors) {
      const name = `vector-${digest}`;
      const [{ id }] = await f.row(
        `INSERT INTO UM_USER (UM_USER_ID, UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_CHANGED_TIME, UM_TENANT_ID)
         VALUES (gen_random_uuid()::text, $1, $2, 'c', LOCALTIMESTAMP, $3) RETURNING UM_ID AS id`,
        [name, stored, CARBON_SUPER],
      );
      const hashed = f.open({ passwordDigest: digest });
      try {
        expect(await hashed.authenticate(String(id), "ab")).toBe(true);
        expect(await hashed.authenticate(String(id), "abc")).toBe(false);
      } finally {
        await hashed.close();
      }
    }
  });

  it("honours PLAIN_TEXT, and refuses a forced-change password older than 24 hours as WSO2 does", async () => {
    const [{ id }] = await f.row(
      `INSERT INTO UM_USER (UM_USER_ID, UM_USER_NAME, UM_USER_PASSWORD, UM_CHANGED_TIME, UM_TENANT_ID)
       VALUES (gen_random_uuid()::text, 'plain', 'secret', LOCALTIMESTAMP, $1) RETURNING UM_ID AS id`,
      [CARBON_SUPER],
    );
    const plain = f.open({ passwordDigest: "PLAIN_TEXT" });
    try {
      expect(await plain.authenticate(String(id), "secret")).toBe(true);
      expect(await plain.authenticate(String(id), "Secret")).toBe(false);
    } finally {
      await plain.close();
    }
    const user = (await f.directory.findUser("user-8"))!;
    await f.row(`UPDATE UM_USER SET UM_REQUIRE_CHANGE = TRUE, UM_CHANGED_TIME = LOCALTIMESTAMP - INTERVAL '2 days' WHERE UM_ID = $1`, [
      Number(user.externalId),
    ]);
    expect(await f.directory.authenticate(user.externalId, PASSWORD)).toBe(false);
  });

  it("changes a password in WSO2's format with a fresh salt, round trip", async () => {
    const user = (await f.directory.findUser("user-9"))!;
    const [before] = await f.row("SELECT UM_SALT_VALUE AS s FROM UM_USER WHERE UM_ID = $1", [Number(user.externalId)]);
    await f.directory.setPassword(user.externalId, "New pass ✓");
    const [after] = await f.row("SELECT UM_USER_PASSWORD AS p, UM_SALT_VALUE AS s, UM_REQUIRE_CHANGE AS r FROM UM_USER WHERE UM_ID = $1", [
      Number(user.externalId),
    ]);
    expect(after.s).not.toBe(before.s);
    expect(after).toMatchObject({ p: wso2Sha256("New pass ✓", after.s), r: false });
    expect(await f.directory.authenticate(user.externalId, "New pass ✓")).toBe(true);
    expect(await f.directory.authenticate(user.externalId, PASSWORD)).toBe(false);
    await expect(f.directory.setPassword("999999", "x")).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Without StoreSaltedPassword WSO2 writes "" as the salt and digests the password alone.
    const unsalted = f.open({ storeSaltedPassword: false });
    try {
      await unsalted.setPassword(user.externalId, "no salt");
      const [plain] = await f.row("SELECT UM_USER_PASSWORD AS p, UM_SALT_VALUE AS s FROM UM_USER WHERE UM_ID = $1", [
        Number(user.externalId),
      ]);
      expect(plain).toEqual({ p: wso2Sha256("no salt", ""), s: "" });
      expect(await unsalted.authenticate(user.externalId, "no salt")).toBe(true);
      expect(await f.directory.authenticate(user.externalId, "no salt")).toBe(true);
    } finally {
      await unsalted.close();
    }
  });
});
