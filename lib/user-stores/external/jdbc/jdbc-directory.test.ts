import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../../../testing/databases.ts";
import { CARBON_SUPER, createWso2Database, seedWso2, wso2Sha256, type Wso2Database } from "../../../../testing/wso2-jdbc.ts";
import type { Directory, DirectoryGroupMembers, DirectoryUser } from "../directory.ts";
import { ZJdbcSettings } from "../settings.ts";
import { createJdbcDirectory } from "./jdbc-directory.ts";

const withPostgres = (await databaseKinds()).includes("postgres");
const MAIL = "http://wso2.org/claims/emailaddress";
const PASSWORD = "Seeded-pässword-1";

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe.skipIf(!withPostgres)("WSO2 JDBC directory (PostgreSQL, WSO2's UM tables)", () => {
  let wso2: Wso2Database;
  let directory: Directory;
  const open = (extra: Record<string, unknown> = {}, readOnly = false) =>
    createJdbcDirectory(ZJdbcSettings.parse({ url: wso2.url, pageSize: 10, ...extra }), readOnly);
  const row = async (sql: string, values: unknown[] = []) => (await wso2.client.query(sql, values)).rows;

  beforeAll(async () => {
    wso2 = await createWso2Database();
    await seedWso2(wso2.client, { users: 25, roles: 12, membersPerRole: 5, password: PASSWORD });
    // Another tenant's rows share the tables and must never show through.
    await seedWso2(wso2.client, { users: 3, roles: 2, membersPerRole: 3, password: PASSWORD, tenantId: 7, prefix: "other-" });
    directory = open();
  });
  afterAll(async () => {
    await directory?.close();
    await wso2?.drop();
  });

  it("pages users and roles by UM_ID within the tenant, with claims and members", async () => {
    const userPages = await collect(directory.users());
    expect(userPages.map((page) => page.length)).toEqual([10, 10, 5]);
    const users = userPages.flat();
    expect(new Set(users.map((user) => user.externalId)).size).toBe(25);
    expect(users.every((user) => !user.username.startsWith("other-"))).toBe(true);
    expect(users[0]).toMatchObject({ username: "user-1", claims: { [MAIL]: "user-1@example.org" } });

    const groups: DirectoryGroupMembers[] = (await collect(directory.groups())).flat();
    expect(groups.map((group) => group.name)).toEqual(Array.from({ length: 12 }, (_, j) => `role-${j + 1}`));
    const firstFive = users.slice(0, 5).map((user) => user.externalId);
    for (const group of groups) expect([...group.memberIds].sort()).toEqual([...firstFive].sort());
  });

  it("finds users case-insensitively by default, as IS 5.10+, and exactly when CaseInsensitiveUsername is off", async () => {
    const found = await directory.findUser("USER-3");
    expect(found).toMatchObject({ username: "user-3", claims: { [MAIL]: "user-3@example.org" } });
    expect(found!.groupIds).toHaveLength(12);
    const exact = open({ caseInsensitiveUsername: false });
    try {
      expect(await exact.findUser("USER-3")).toBeNull();
      expect(await exact.findUser("user-3")).toMatchObject({ username: "user-3" });
    } finally {
      await exact.close();
    }
    expect(await directory.findUser("other-user-1")).toBeNull();
  });

  it("stores and finds hostile names literally (quotes, LIKE wildcards, backslashes, SQL, Unicode)", async () => {
    const hostile = [`o'brien"; DROP TABLE UM_USER;--`, "%", "_", "a\\b", "ünïcødé-ユーザー", "<img src=x onerror=alert(1)>"];
    for (const username of hostile) await directory.createUser({ username, password: "pw-1", claims: {} });
    for (const username of hostile) expect((await directory.findUser(username))?.username).toBe(username);
    expect(await directory.findUser("user-%")).toBeNull();
    expect(await directory.findUser("user-1\u0000")).toBeNull();
    expect(await directory.findUser("x".repeat(10_000))).toBeNull();
    await expect(directory.createUser({ username: "nul\u0000", password: "x", claims: {} })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(directory.createUser({ username: "PRIMARY/evil", password: "x", claims: {} })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(directory.createUser({ username: " padded", password: "x", claims: {} })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(directory.createUser({ username: "%", password: "x", claims: {} })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(directory.createUser({ username: "USER-1", password: "x", claims: {} })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await row("SELECT count(*)::int AS n FROM UM_USER")).toEqual([{ n: 25 + 3 + hostile.length }]);
  });

  it("lets exactly one of two concurrent case variants of a new name in", async () => {
    const results = await Promise.allSettled(
      ["Racer", "rACER", "racer"].map((username) => directory.createUser({ username, password: "pw", claims: {} })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONFLICT" });
    expect(await row("SELECT count(*)::int AS n FROM UM_USER WHERE LOWER(UM_USER_NAME) = 'racer'")).toEqual([{ n: 1 }]);
  });

  it("authenticates against WSO2's salted SHA-256 computed independently, and refuses the wrong password", async () => {
    const user = (await directory.findUser("user-7"))!;
    const [stored] = await row("SELECT UM_USER_PASSWORD AS p, UM_SALT_VALUE AS s FROM UM_USER WHERE UM_ID = $1", [Number(user.externalId)]);
    expect(stored.p).toBe(wso2Sha256(PASSWORD, stored.s));
    expect(stored.s).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(await directory.authenticate(user.externalId, PASSWORD)).toBe(true);
    expect(await directory.authenticate(user.externalId, PASSWORD.toUpperCase())).toBe(false);
    expect(await directory.authenticate("999999", PASSWORD)).toBe(false);
    expect(await directory.authenticate("not-an-id", PASSWORD)).toBe(false);
  });

  it("matches fixed vectors: FIPS 180-2 / RFC 1321 digests of 'abc' as password 'ab' + salt 'c'", async () => {
    const vectors = [
      { digest: "SHA-256", stored: "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=" },
      { digest: "SHA-1", stored: "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=" },
      { digest: "MD5", stored: "kAFQmDzST7DWlj99KOF/cg==" },
    ];
    for (const { digest, stored } of vectors) {
      const name = `vector-${digest}`;
      const [{ id }] = await row(
        `INSERT INTO UM_USER (UM_USER_ID, UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_CHANGED_TIME, UM_TENANT_ID)
         VALUES (gen_random_uuid()::text, $1, $2, 'c', LOCALTIMESTAMP, $3) RETURNING UM_ID AS id`,
        [name, stored, CARBON_SUPER],
      );
      const hashed = open({ passwordDigest: digest });
      try {
        expect(await hashed.authenticate(String(id), "ab")).toBe(true);
        expect(await hashed.authenticate(String(id), "abc")).toBe(false);
      } finally {
        await hashed.close();
      }
    }
  });

  it("honours PLAIN_TEXT, and refuses a forced-change password older than 24 hours as WSO2 does", async () => {
    const [{ id }] = await row(
      `INSERT INTO UM_USER (UM_USER_ID, UM_USER_NAME, UM_USER_PASSWORD, UM_CHANGED_TIME, UM_TENANT_ID)
       VALUES (gen_random_uuid()::text, 'plain', 'secret', LOCALTIMESTAMP, $1) RETURNING UM_ID AS id`,
      [CARBON_SUPER],
    );
    const plain = open({ passwordDigest: "PLAIN_TEXT" });
    try {
      expect(await plain.authenticate(String(id), "secret")).toBe(true);
      expect(await plain.authenticate(String(id), "Secret")).toBe(false);
    } finally {
      await plain.close();
    }
    const user = (await directory.findUser("user-8"))!;
    await row(`UPDATE UM_USER SET UM_REQUIRE_CHANGE = TRUE, UM_CHANGED_TIME = LOCALTIMESTAMP - INTERVAL '2 days' WHERE UM_ID = $1`, [
      Number(user.externalId),
    ]);
    expect(await directory.authenticate(user.externalId, PASSWORD)).toBe(false);
  });

  it("changes a password in WSO2's format with a fresh salt, round trip", async () => {
    const user = (await directory.findUser("user-9"))!;
    const [before] = await row("SELECT UM_SALT_VALUE AS s FROM UM_USER WHERE UM_ID = $1", [Number(user.externalId)]);
    await directory.setPassword(user.externalId, "New pass ✓");
    const [after] = await row("SELECT UM_USER_PASSWORD AS p, UM_SALT_VALUE AS s, UM_REQUIRE_CHANGE AS r FROM UM_USER WHERE UM_ID = $1", [
      Number(user.externalId),
    ]);
    expect(after.s).not.toBe(before.s);
    expect(after).toMatchObject({ p: wso2Sha256("New pass ✓", after.s), r: false });
    expect(await directory.authenticate(user.externalId, "New pass ✓")).toBe(true);
    expect(await directory.authenticate(user.externalId, PASSWORD)).toBe(false);
    await expect(directory.setPassword("999999", "x")).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Without StoreSaltedPassword WSO2 writes "" as the salt and digests the password alone.
    const unsalted = open({ storeSaltedPassword: false });
    try {
      await unsalted.setPassword(user.externalId, "no salt");
      const [plain] = await row("SELECT UM_USER_PASSWORD AS p, UM_SALT_VALUE AS s FROM UM_USER WHERE UM_ID = $1", [
        Number(user.externalId),
      ]);
      expect(plain).toEqual({ p: wso2Sha256("no salt", ""), s: "" });
      expect(await unsalted.authenticate(user.externalId, "no salt")).toBe(true);
      expect(await directory.authenticate(user.externalId, "no salt")).toBe(true);
    } finally {
      await unsalted.close();
    }
  });

  it("writes users, claims, roles and memberships into the UM tables as WSO2 reads them", async () => {
    const created: DirectoryUser = await directory.createUser({
      username: "writer",
      password: "pw-writer",
      claims: { [MAIL]: "w@example.org" },
    });
    const id = Number(created.externalId);
    const [userRow] = await row(
      "SELECT UM_USER_ID AS uid, UM_TENANT_ID AS t, UM_SALT_VALUE AS s, UM_USER_PASSWORD AS p FROM UM_USER WHERE UM_ID = $1",
      [id],
    );
    expect(userRow.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(userRow).toMatchObject({ t: CARBON_SUPER, p: wso2Sha256("pw-writer", userRow.s) });
    const attributes = () =>
      row("SELECT UM_ATTR_NAME AS n, UM_ATTR_VALUE AS v, UM_PROFILE_ID AS pr FROM UM_USER_ATTRIBUTE WHERE UM_USER_ID = $1 ORDER BY 1", [
        id,
      ]);
    // As UniqueIDJDBCUserStoreManager, the user id and username claims are stored too (IS default mappings scimId, uid).
    const managed = [
      { n: "scimId", v: userRow.uid, pr: "default" },
      { n: "uid", v: "writer", pr: "default" },
    ];
    expect(await attributes()).toEqual([{ n: "mail", v: "w@example.org", pr: "default" }, ...managed]);
    expect(created.claims).toMatchObject({ "http://wso2.org/claims/userid": userRow.uid, "http://wso2.org/claims/username": "writer" });

    await directory.setClaims(created.externalId, { [MAIL]: "new@example.org", "http://wso2.org/claims/givenname": "Wren" });
    expect(await attributes()).toEqual([
      { n: "givenName", v: "Wren", pr: "default" },
      { n: "mail", v: "new@example.org", pr: "default" },
      ...managed,
    ]);
    await directory.setClaims(created.externalId, { [MAIL]: "" });
    expect(await attributes()).toEqual([{ n: "givenName", v: "Wren", pr: "default" }, ...managed]);
    await expect(directory.setClaims(created.externalId, { "urn:unmapped": "x" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(directory.setClaims(created.externalId, { "http://wso2.org/claims/userid": "forged" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });

    const role = await directory.createGroup("writers");
    await expect(directory.createGroup("writers")).rejects.toMatchObject({ code: "CONFLICT" });
    const seeded = (await directory.findUser("user-20"))!;
    await directory.addMembers(role.externalId, [created.externalId, seeded.externalId, created.externalId]);
    await directory.addMembers(role.externalId, [created.externalId]);
    const members = () => row("SELECT UM_USER_ID AS u FROM UM_USER_ROLE WHERE UM_ROLE_ID = $1 ORDER BY 1", [Number(role.externalId)]);
    expect((await members()).map((m) => String(m.u)).sort()).toEqual([created.externalId, seeded.externalId].sort());
    await expect(directory.addMembers(role.externalId, ["999999"])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await directory.removeMembers(role.externalId, [seeded.externalId]);
    expect((await members()).map((m) => String(m.u))).toEqual([created.externalId]);

    const [{ pid }] = await row(
      `INSERT INTO UM_PERMISSION (UM_RESOURCE_ID, UM_ACTION, UM_TENANT_ID) VALUES ('/permission/admin', 'ui.execute', $1) RETURNING UM_ID AS pid`,
      [CARBON_SUPER],
    );
    await row(
      `INSERT INTO UM_ROLE_PERMISSION (UM_PERMISSION_ID, UM_ROLE_NAME, UM_IS_ALLOWED, UM_TENANT_ID, UM_DOMAIN_ID)
       SELECT $1, 'writers', 1, $2, UM_DOMAIN_ID FROM UM_DOMAIN WHERE UM_DOMAIN_NAME = 'PRIMARY' AND UM_TENANT_ID = $2`,
      [pid, CARBON_SUPER],
    );
    await directory.deleteGroup(role.externalId);
    expect(await row("SELECT 1 FROM UM_ROLE WHERE UM_ID = $1", [Number(role.externalId)])).toEqual([]);
    expect(await members()).toEqual([]);
    expect(await row("SELECT 1 FROM UM_ROLE_PERMISSION WHERE UM_ROLE_NAME = 'writers'")).toEqual([]);

    await directory.deleteUser(created.externalId);
    expect(await row("SELECT 1 FROM UM_USER WHERE UM_ID = $1", [id])).toEqual([]);
    expect(await attributes()).toEqual([]);
    await expect(directory.deleteUser(created.externalId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses every write on a read-only store", async () => {
    const readOnly = open({}, true);
    try {
      await expect(readOnly.createUser({ username: "nope", password: "x", claims: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(readOnly.setPassword("1", "x")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(readOnly.deleteGroup("1")).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await readOnly.findUser("user-1")).not.toBeNull();
    } finally {
      await readOnly.close();
    }
    expect(await directory.findUser("nope")).toBeNull();
  });

  it("reports STORE_UNAVAILABLE when a statement outlives the read timeout (a row held locked)", async () => {
    const user = (await directory.findUser("user-11"))!;
    const holder = new pg.Client({ connectionString: wso2.url });
    await holder.connect();
    const slow = open({ readTimeoutMs: 200 });
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM UM_USER WHERE UM_ID = $1 FOR UPDATE", [Number(user.externalId)]);
      await expect(slow.setPassword(user.externalId, "blocked")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
      await slow.close();
    }
    expect(await directory.authenticate(user.externalId, PASSWORD)).toBe(true);
  });

  it("test() connects, finds the UM tables, counts the tenant's users and reads a page", async () => {
    const steps = await directory.test();
    expect(steps.map((step) => [step.step, step.ok])).toEqual([
      ["connect", true],
      ["tables", true],
      ["count users", true],
      ["read a page", true],
    ]);
    expect(steps[2]!.detail).toMatch(/^\d+ users in tenant -1234\.$/);
    const empty = createJdbcDirectory(ZJdbcSettings.parse({ url: wso2.url.replace(/\/[^/]+$/, "/postgres") }), true);
    try {
      const failed = await empty.test();
      expect(failed.map((step) => [step.step, step.ok])).toEqual([
        ["connect", true],
        ["tables", false],
      ]);
      expect(failed[1]!.detail).toContain("UM_USER");
    } finally {
      await empty.close();
    }
  });
});

describe("WSO2 JDBC directory when the database is down or silent", () => {
  it("is STORE_UNAVAILABLE when nothing listens, and test() stops at connect", async () => {
    const down = createJdbcDirectory(
      ZJdbcSettings.parse({ url: "postgresql://postgres@127.0.0.1:3869/wso2", connectTimeoutMs: 1_000 }),
      false,
    );
    try {
      await expect(collect(down.users())).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
      await expect(down.createGroup("g")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
      const steps = await down.test();
      expect(steps.map((step) => [step.step, step.ok])).toEqual([["connect", false]]);
    } finally {
      await down.close();
    }
  });

  it("is STORE_UNAVAILABLE when the server accepts the connection but never answers", async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(3861, "127.0.0.1", resolve));
    const stuck = createJdbcDirectory(
      ZJdbcSettings.parse({ url: "postgresql://postgres@127.0.0.1:3861/wso2", connectTimeoutMs: 300 }),
      false,
    );
    try {
      await expect(stuck.findUser("anyone")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
      expect(sockets.size).toBeGreaterThan(0);
    } finally {
      await stuck.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
