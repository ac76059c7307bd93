import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Apictl, ApictlExit, goStringMap, send } from "../../testing/apictl-client.ts";
import { databaseKinds } from "../../testing/databases.ts";
import { mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import { seedUser, superTenantId, TEST_PASSWORD } from "../../testing/seed.ts";
import { usernameColumns } from "../../lib/stores/look-alike.ts";
import { STREAM_BATCH } from "../../lib/management/stream-list.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const PASSWORD = "an apictl user passphrase";

// Every apictl `mi` users/roles/login/logout command, as apictl sends it and reads the answer
// (testing/apictl-client.ts cites the Go source of each).
describe.each(await databaseKinds())("apictl mi commands on %s", (kind) => {
  let w: MgmtWorld;
  let mi: Apictl;
  beforeAll(async () => {
    w = await mgmtWorld(kind);
    mi = new Apictl(w.admin.username, TEST_PASSWORD);
    await mi.login();
  });
  afterAll(() => w.t.drop());

  it("mi login gets a token from GET /login as a map of strings; mi logout revokes it with GET /logout and a 200", async () => {
    const session = new Apictl(w.manager.username, TEST_PASSWORD);
    await session.login();
    expect(session.token).toMatch(/^gh1\./);
    const token = session.token;
    await session.logout();
    expect(session.requests).toEqual(["GET /login", "GET /logout"]);
    const after = await send("GET", "/users", { token });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toMatch(/^Bearer realm="/);
    expect((await send("GET", "/logout", { token })).status).toBe(401);
    const refused = await send("GET", "/login", {
      headers: { authorization: `Basic ${Buffer.from(`${w.manager.username}:wrong`).toString("base64")}` },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Basic realm="/);
    await expect(new Apictl(w.manager.username, "wrong").login()).rejects.toThrow(ApictlExit);
  });

  it('mi add user with the default store (domain "") and isAdmin as a string; mi get users <name> lists Internal/everyone', async () => {
    expect(await mi.addUser("apictl_ann", PASSWORD, "", "")).toBe("Added");
    expect(await mi.addUser("apictl_boss", PASSWORD, "y", "")).toBe("Added");
    expect(await mi.getUser("apictl_ann")).toEqual({ userId: "apictl_ann", isAdmin: false, roles: ["Internal/everyone"] });
    expect(await mi.getUser("apictl_boss")).toEqual({ userId: "apictl_boss", isAdmin: true, roles: ["admin", "Internal/everyone"] });
    await expect(mi.addUser("apictl_ann", PASSWORD)).rejects.toThrow(/already exists/);
    await expect(mi.getUser("apictl_nobody")).rejects.toThrow(/does not exist/);
  });

  it("mi get users [-p pattern] [-r role] returns every match, unpaged, with count equal to the total", async () => {
    for (const name of ["apictl_list_a", "apictl_list_b", "apictl_list_c"]) await mi.addUser(name, PASSWORD);
    const all = await mi.getUsers();
    expect(all.count).toBe(await w.t.db.user.count());
    expect(all.list).toHaveLength(all.count);
    expect(await mi.getUsers("", "apictl_list_*")).toEqual({
      count: 3,
      list: [{ userId: "apictl_list_a" }, { userId: "apictl_list_b" }, { userId: "apictl_list_c" }],
    });
    expect(await mi.getUsers(`role_${w.manager.username}`)).toEqual({ count: 1, list: [{ userId: w.manager.username }] });
    expect(mi.requests.filter((r) => r.startsWith("GET /users?") || r === "GET /users")).toEqual([
      "GET /users",
      "GET /users?pattern=apictl_list_*",
      `GET /users?role=role_${w.manager.username}`,
    ]);
    // The MI writes count before the list (org.json's HashMap order), and so does Gatehouse.
    const raw = await send("GET", "/users", { token: mi.token, query: { pattern: "apictl_list_*" } });
    expect(raw.text.indexOf('"count"')).toBeLessThan(raw.text.indexOf('"list"'));
  });

  it('mi update user (PUT /roles) answers strings only, with the domain "" and a nil list as Go sends them', async () => {
    await mi.addUser("apictl_upd", PASSWORD);
    expect(await mi.addRole("apictl_team", "")).toBe("Added");
    expect(await mi.updateUser("apictl_upd", "", ["apictl_team", "Internal/creator"], [])).toBe("Updated");
    expect((await mi.getUser("apictl_upd")).roles.sort()).toEqual(["Internal/creator", "Internal/everyone", "apictl_team"].sort());
    expect(await mi.updateUser("apictl_upd", "", null, ["Internal/creator"])).toBe("Updated");
    expect((await mi.getUser("apictl_upd")).roles.sort()).toEqual(["Internal/everyone", "apictl_team"].sort());
    await expect(mi.updateUser("apictl_upd", "", ["no_such_role"], [])).rejects.toThrow(/No such role/);
    // The detail stays available to those who ask for it.
    const detailed = await send("PUT", "/roles", {
      token: mi.token,
      query: { detail: "true" },
      body: { userId: "apictl_upd", addedRoles: ["Internal/creator"] },
    });
    expect(JSON.parse(detailed.text)).toEqual({
      userId: "apictl_upd",
      status: "Updated",
      addedRoles: ["Internal/creator"],
      removedRoles: [],
    });
    expect(() => goStringMap(detailed.text)).toThrow(/invalid JSON response/);
  });

  it("mi get roles, mi get roles <name> [-d], mi add role, mi delete role [-d]", async () => {
    expect(await mi.addRole("apictl_ops")).toBe("Added");
    expect(await mi.addRole("apictl_int", "Internal")).toBe("Added");
    const roles = await mi.getRoles();
    expect(roles.count).toBe(roles.list.length);
    expect(roles.list.map((r) => r.role)).toEqual(
      expect.arrayContaining(["apictl_ops", "Internal/apictl_int", "admin", "Internal/creator"]),
    );
    await mi.addUser("apictl_member", PASSWORD);
    await mi.updateUser("apictl_member", "", ["apictl_ops"], []);
    expect(await mi.getRole("apictl_ops")).toEqual({ role: "apictl_ops", users: ["apictl_member"] });
    expect(await mi.getRole("apictl_int", "Internal")).toEqual({ role: "Internal/apictl_int", users: [] });
    expect(await mi.deleteRole("apictl_int", "Internal")).toBe("Deleted");
    expect(await mi.deleteRole("apictl_ops")).toBe("Deleted");
    await expect(mi.getRole("apictl_ops")).rejects.toThrow(/does not exist/);
    await expect(mi.deleteRole("admin")).rejects.toThrow(/admin role/);
  });

  it("mi delete user [-d]: deletes; not oneself; an admin only by the super admin", async () => {
    await mi.addUser("apictl_gone", PASSWORD);
    expect(await mi.deleteUser("apictl_gone")).toBe("Deleted");
    await mi.addUser("apictl_gone2", PASSWORD);
    expect(await mi.deleteUser("apictl_gone2", "PRIMARY")).toBe("Deleted");
    await expect(mi.getUser("apictl_gone")).rejects.toThrow(/does not exist/);
    await expect(mi.deleteUser(w.admin.username)).rejects.toThrow(/your own account/);
    await mi.addUser("apictl_admin2", PASSWORD, "yes");
    await expect(mi.deleteUser("apictl_admin2")).rejects.toThrow(/Only the super admin/);
  });

  it("unknown query parameters and body fields are ignored, as the MI ignores them; wrong types of known fields are refused", async () => {
    const made = await send("POST", "/users", {
      token: mi.token,
      body: { userId: "apictl_extra", password: PASSWORD, isAdmin: "false", domain: "", email: "x@example.com" },
    });
    expect(made.status).toBe(200);
    expect(goStringMap(made.text)).toEqual({ userId: "apictl_extra", status: "Added" });
    expect((await send("GET", "/users", { token: mi.token, query: { pattern: "apictl_extra", offset: "5", expand: "all" } })).status).toBe(
      200,
    );
    expect(
      (await send("POST", "/roles", { token: mi.token, body: { role: "apictl_extra_role", domain: "", permissions: ["x"] } })).status,
    ).toBe(200);
    expect((await send("POST", "/users", { token: mi.token, body: { userId: "apictl_bad", password: PASSWORD, isAdmin: 1 } })).status).toBe(
      400,
    );
    expect(
      (await send("PUT", "/roles", { token: mi.token, body: { userId: "apictl_extra", addedRoles: "apictl_extra_role" } })).status,
    ).toBe(400);
  });

  it("an unmatched /management path answers the JSON error shape, which apictl reads as a string map", async () => {
    for (const [method, path] of [
      ["GET", "/apis"],
      ["GET", "/users/a/b"],
      ["POST", "/server"],
      ["DELETE", "/roles/Internal/creator/x"],
    ] as const) {
      const answer = await send(method, path, { token: mi.token });
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      expect(goStringMap(answer.text)).toEqual({ Error: expect.stringContaining(path) });
    }
  });

  it("apictl logs in again by itself when its token was revoked, as retryHTTPCall does", async () => {
    const session = new Apictl(w.admin.username, TEST_PASSWORD);
    await session.login();
    await w.t.db.session.updateMany({
      where: { revokedAt: null, userId: w.admin.id },
      data: { revokedAt: new Date(), revokedReason: "test" },
    });
    expect((await session.getUsers("", "apictl_list_a")).count).toBe(1);
    expect(session.requests).toEqual(["GET /login", "GET /users?pattern=apictl_list_a", "GET /login", "GET /users?pattern=apictl_list_a"]);
    mi = session;
  });

  it(`streams a list longer than one batch (${STREAM_BATCH}) whole, with count equal to the total`, async () => {
    const tenantId = await superTenantId(w.t.db);
    const store = await w.t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } });
    const names = Array.from({ length: STREAM_BATCH * 2 + 7 }, (_, i) => `bulk_${String(i).padStart(5, "0")}`);
    await w.t.db.user.createMany({ data: names.map((n) => ({ tenantId, storeId: store.id, ...usernameColumns(n), passwordHash: "x" })) });
    const role = await seedUser(w.t.db, { grants: [] });
    const members = await w.t.db.user.findMany({ where: { username: { startsWith: "bulk_" } }, select: { id: true } });
    await w.t.db.membership.createMany({ data: members.map((m) => ({ userId: m.id, roleId: role.roleId })) });

    const listed = await mi.getUsers("", "bulk_*");
    expect(listed.count).toBe(names.length);
    expect(listed.list.map((u) => u.userId)).toEqual(names);
    const inRole = await mi.getUsers(`role_${role.username}`);
    expect(inRole.count).toBe(names.length + 1);
    expect(inRole.list).toHaveLength(names.length + 1);
    const summary = await mi.getRole(`role_${role.username}`);
    expect(summary.users).toHaveLength(names.length + 1);
    expect(JSON.parse((await send("GET", `/roles/role_${role.username}`, { token: mi.token })).text).count).toBe(names.length + 1);
  });
});
