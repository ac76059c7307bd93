import net from "node:net";
import { describe, expect, it } from "vitest";
import { databaseKinds } from "../../../../testing/databases.ts";
import type { DirectoryGroupMembers } from "../directory.ts";
import { ZJdbcSettings } from "../settings.ts";
import { collect, MAIL, wso2DirectoryFixture } from "../../../../testing/jdbc-directory-fixture.ts";
import { createJdbcDirectory } from "./jdbc-directory.ts";

const withPostgres = (await databaseKinds()).includes("postgres");

describe.skipIf(!withPostgres)("WSO2 JDBC directory (PostgreSQL, WSO2's UM tables)", () => {
  const f = wso2DirectoryFixture();

  it("pages users and roles by UM_ID within the tenant, with claims and members", async () => {
    const userPages = await collect(f.directory.users());
    expect(userPages.map((page) => page.length)).toEqual([10, 10, 5]);
    const users = userPages.flat();
    expect(new Set(users.map((user) => user.externalId)).size).toBe(25);
    expect(users.every((user) => !user.username.startsWith("other-"))).toBe(true);
    expect(users[0]).toMatchObject({ username: "user-1", claims: { [MAIL]: "user-1@example.org" } });

    const groups: DirectoryGroupMembers[] = (await collect(f.directory.groups())).flat();
    expect(groups.map((group) => group.name)).toEqual(Array.from({ length: 12 }, (_, j) => `role-${j + 1}`));
    const firstFive = users.slice(0, 5).map((user) => user.externalId);
    for (const group of groups) expect([...group.memberIds].sort()).toEqual([...firstFive].sort());
  });

  it("finds users case-insensitively by default, as IS 5.10+, and exactly when CaseInsensitiveUsername is off", async () => {
    const found = await f.directory.findUser("USER-3");
    expect(found).toMatchObject({ username: "user-3", claims: { [MAIL]: "user-3@example.org" } });
    expect(found!.groupIds).toHaveLength(12);
    const exact = f.open({ caseInsensitiveUsername: false });
    try {
      expect(await exact.findUser("USER-3")).toBeNull();
      expect(await exact.findUser("user-3")).toMatchObject({ username: "user-3" });
    } finally {
      await exact.close();
    }
    expect(await f.directory.findUser("other-user-1")).toBeNull();
  });

  it("stores and finds hostile names literally (quotes, LIKE wildcards, backslashes, SQL, Unicode)", async () => {
    const hostile = [`o'brien"; DROP TABLE UM_USER;--`, "%", "_", "a\\b", "ünïcødé-ユーザー", "<img src=x onerror=alert(1)>"];
    for (const username of hostile) await f.directory.createUser({ username, password: "pw-1", claims: {} });
    for (const username of hostile) expect((await f.directory.findUser(username))?.username).toBe(username);
    expect(await f.directory.findUser("user-%")).toBeNull();
    expect(await f.directory.findUser("user-1\u0000")).toBeNull();
    expect(await f.directory.findUser("x".repeat(10_000))).toBeNull();
    await expect(f.directory.createUser({ username: "nul\u0000", password: "x", claims: {} })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(f.directory.createUser({ username: "PRIMARY/evil", password: "x", claims: {} })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(f.directory.createUser({ username: " padded", password: "x", claims: {} })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(f.directory.createUser({ username: "%", password: "x", claims: {} })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(f.directory.createUser({ username: "USER-1", password: "x", claims: {} })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await f.row("SELECT count(*)::int AS n FROM UM_USER")).toEqual([{ n: 25 + 3 + hostile.length }]);
  });

  it("lets exactly one of two concurrent case variants of a new name in", async () => {
    const results = await Promise.allSettled(
      ["Racer", "rACER", "racer"].map((username) => f.directory.createUser({ username, password: "pw", claims: {} })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONFLICT" });
    expect(await f.row("SELECT count(*)::int AS n FROM UM_USER WHERE LOWER(UM_USER_NAME) = 'racer'")).toEqual([{ n: 1 }]);
  });

  it("test() connects, finds the UM tables, counts the tenant's users and reads a page", async () => {
    const steps = await f.directory.test();
    expect(steps.map((step) => [step.step, step.ok])).toEqual([
      ["connect", true],
      ["tables", true],
      ["count users", true],
      ["read a page", true],
    ]);
    expect(steps[2]!.detail).toMatch(/^\d+ users in tenant -1234\.$/);
    const empty = createJdbcDirectory(ZJdbcSettings.parse({ url: f.wso2.url.replace(/\/[^/]+$/, "/postgres") }), true);
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
