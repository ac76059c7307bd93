import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { mgmtCall, mgmtLogin, mgmtRequest, mgmtWorld, superAdminLogin, type MgmtWorld } from "../../testing/management-client.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import * as userRoute from "./users/[userId]/route.ts";
import * as usersRoute from "./users/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const NEW_PASSWORD = "another long passphrase";
type Page = { count: number; list: { userId: string }[]; truncated: boolean; next: string | null };

describe.each(await databaseKinds())("management users on %s", (kind) => {
  let w: MgmtWorld;
  beforeAll(async () => {
    w = await mgmtWorld(kind);
  });
  afterAll(() => w.t.drop());

  const list = (token: string, query: string) => mgmtCall(usersRoute.GET, "/users", mgmtRequest("GET", `/users${query}`, { token }), {});
  const add = (token: string, body: unknown) => mgmtCall(usersRoute.POST, "/users", mgmtRequest("POST", "/users", { token, body }), {});
  const get = (token: string, userId: string, query = "") =>
    mgmtCall(userRoute.GET, "/users/{userId}", mgmtRequest("GET", `/users/${userId}${query}`, { token }), { userId });
  const patch = (token: string, userId: string, body: unknown) =>
    mgmtCall(userRoute.PATCH, "/users/{userId}", mgmtRequest("PATCH", `/users/${userId}`, { token, body }), { userId });
  const remove = (token: string, userId: string, query = "") =>
    mgmtCall(userRoute.DELETE, "/users/{userId}", mgmtRequest("DELETE", `/users/${userId}${query}`, { token }), { userId });
  const audits = (action: string, targetName: string) => w.t.db.auditEvent.count({ where: { action, targetName } });

  it("POST /users adds a user, audited; GET /users/{userId} shows it; a duplicate is 409", async () => {
    const added = await add(w.manager.token, { userId: "mgmt_alice", password: NEW_PASSWORD, isAdmin: false, domain: "PRIMARY" });
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ userId: "mgmt_alice", status: "Added" });
    expect(await audits("user.created", "mgmt_alice")).toBe(1);
    // The MI lists Internal/everyone among every user's roles.
    expect(await (await get(w.manager.token, "mgmt_alice", "?domain=PRIMARY")).json()).toEqual({
      userId: "mgmt_alice",
      isAdmin: false,
      roles: ["Internal/everyone"],
    });
    expect((await add(w.manager.token, { userId: "MGMT_ALICE", password: NEW_PASSWORD })).status).toBe(409);
    expect((await get(w.manager.token, "nobody_at_all")).status).toBe(404);
    expect((await add(w.manager.token, { userId: "mgmt_nowhere", password: NEW_PASSWORD, domain: "NOPE" })).status).toBe(404);
    // The password policy is checked with the body, and the error names the field as the MI calls it.
    const weak = await add(w.manager.token, { userId: "mgmt_weak", password: "x" });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toEqual({ Error: expect.stringMatching(/^password: Use at least \d+ characters\.$/) });
    expect(await w.t.db.user.count({ where: { username: "mgmt_weak" } })).toBe(0);
  });

  it("isAdmin puts the user in the admin role, which only admin-role holders may hand out", async () => {
    expect((await add(w.manager.token, { userId: "mgmt_boss", password: NEW_PASSWORD, isAdmin: true })).status).toBe(403);
    expect(await w.t.db.user.count({ where: { username: "mgmt_boss" } })).toBe(0);
    expect((await add(w.admin.token, { userId: "mgmt_boss", password: NEW_PASSWORD, isAdmin: true })).status).toBe(200);
    expect(await (await get(w.manager.token, "mgmt_boss")).json()).toEqual({
      userId: "mgmt_boss",
      isAdmin: true,
      roles: ["admin", "Internal/everyone"],
    });
  });

  it("GET /users finds by pattern, searchKey and role; whole without limit, paged without silently capping with it", async () => {
    for (const name of ["pg_one", "pg_two", "pg_three"]) await add(w.manager.token, { userId: name, password: NEW_PASSWORD });
    const names = async (query: string) => ((await (await list(w.manager.token, query)).json()) as Page).list.map((u) => u.userId);
    expect(await names("?pattern=pg_*")).toEqual(["pg_one", "pg_three", "pg_two"]);
    expect(await (await list(w.manager.token, "?pattern=pg_*")).json()).toEqual({
      count: 3,
      list: [{ userId: "pg_one" }, { userId: "pg_three" }, { userId: "pg_two" }],
    });
    expect(await names("?searchKey=_th")).toEqual(["pg_three"]);
    expect(await names(`?role=role_${w.manager.username}`)).toEqual([w.manager.username]);
    expect((await list(w.manager.token, "?role=no_such_role")).status).toBe(404);

    const first = await list(w.manager.token, "?pattern=pg_*&limit=2");
    const page1 = (await first.json()) as Page;
    expect(page1).toMatchObject({ count: 2, truncated: true, list: [{ userId: "pg_one" }, { userId: "pg_three" }] });
    expect(first.headers.get("link")).toContain('rel="next"');
    const page2 = (await (await list(w.manager.token, `?pattern=pg_*&limit=2&cursor=${encodeURIComponent(page1.next!)}`)).json()) as Page;
    expect(page2).toEqual({ count: 1, list: [{ userId: "pg_two" }], truncated: false, next: null });
  });

  it("GET /users?search= is the console's search (anywhere, exact first), detail=true adds domain and roles; pattern stays the MI's", async () => {
    for (const name of ["sr_smith", "a_sr_smith", "sr_smithers"]) await add(w.manager.token, { userId: name, password: NEW_PASSWORD });
    const body = async (query: string) => (await (await list(w.manager.token, query)).json()) as Page;
    const names = async (query: string) => (await body(query)).list.map((u) => u.userId);
    expect(await names("?search=sr_smith")).toEqual(["sr_smith", "a_sr_smith", "sr_smithers"]);
    expect((await body("?search=sr_smith")).count).toBe(3);
    expect(await names("?search=SR_SMITH&limit=2")).toEqual(["sr_smith", "a_sr_smith"]);
    expect(await names("?search=sr_smith*")).toEqual(["sr_smith", "sr_smithers"]);
    expect(await names("?pattern=sr_smith")).toEqual(["sr_smith"]);
    expect(await names("?search=%25")).toEqual([]);
    expect((await body("?search=sr_smith&detail=true&limit=2")).list).toEqual([
      { userId: "sr_smith", domain: "PRIMARY", roles: [] },
      { userId: "a_sr_smith", domain: "PRIMARY", roles: [] },
    ]);
    const member = (await body(`?role=role_${w.manager.username}&search=${w.manager.username.slice(2, 6)}&detail=true`)).list;
    expect(member).toEqual([{ userId: w.manager.username, domain: "PRIMARY", roles: [`role_${w.manager.username}`] }]);
  });

  it("PATCH on one's own account needs the old password; the new one signs in", async () => {
    const self = await seedUser(w.t.db, { grants: ["/permission/admin/login"] });
    const token = await mgmtLogin(self.username, TEST_PASSWORD);
    expect((await patch(token, self.username, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).status).toBe(400);
    expect(
      (await patch(token, self.username, { oldPassword: "wrong", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).status,
    ).toBe(400);
    expect((await patch(token, self.username, { oldPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" })).status).toBe(
      400,
    );
    const ok = await patch(token, self.username, { oldPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ userId: self.username, status: "Password updated" });
    expect(await audits("user.password_changed", self.username)).toBe(1);
    await expect(mgmtLogin(self.username, NEW_PASSWORD)).resolves.toMatch(/^gh1\./);
  });

  it("a user who must change the default password may PATCH their own, and nothing else until then", async () => {
    const held = await seedUser(w.t.db, { admin: true });
    await w.t.db.user.update({ where: { id: held.id }, data: { mustChangePassword: true } });
    const token = await mgmtLogin(held.username, TEST_PASSWORD);
    const other = await seedUser(w.t.db, { grants: ["/permission/admin/login"] });
    const body = { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    const blocked = await list(token, "");
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toEqual({ Error: "Change the default password before doing anything else." });
    expect((await patch(token, other.username, body)).status).toBe(403);
    expect((await patch(token, held.username, { oldPassword: TEST_PASSWORD, ...body })).status).toBe(200);
    expect((await list(token, "")).status).toBe(200);
  });

  it("PATCH on another account is a reset: users.password needed, and only the super admin resets another admin", async () => {
    const target = await seedUser(w.t.db, { grants: ["/permission/admin/login"] });
    const body = { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    expect((await patch(w.plain.token, target.username, body)).status).toBe(403);
    expect((await patch(w.manager.token, target.username, body)).status).toBe(200);
    expect(await audits("user.password_reset", target.username)).toBe(1);
    await expect(mgmtLogin(target.username, NEW_PASSWORD)).resolves.toMatch(/^gh1\./);
    const otherAdmin = await seedUser(w.t.db, { admin: true });
    const refused = await patch(w.manager.token, otherAdmin.username, body);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ Error: "Only the super admin can delete an admin or reset another admin's password." });
    // Seed 000 / the MI's UserResource: holding the admin role is not enough, only the super admin may.
    expect((await patch(w.admin.token, otherAdmin.username, body)).status).toBe(403);
    const superAdmin = await superAdminLogin(w.t);
    expect((await patch(superAdmin.token, otherAdmin.username, body)).status).toBe(200);
  });

  it("DELETE: nobody deletes themselves, only the super admin deletes an admin; deletions are audited", async () => {
    const self = await remove(w.manager.token, w.manager.username);
    expect(self.status).toBe(403);
    expect(await self.json()).toEqual({ Error: "You cannot delete your own account." });
    const otherAdmin = await seedUser(w.t.db, { admin: true });
    expect((await remove(w.manager.token, otherAdmin.username)).status).toBe(403);
    const victim = await seedUser(w.t.db, { grants: [] });
    const deleted = await remove(w.manager.token, victim.username, "?domain=PRIMARY");
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ userId: victim.username, status: "Deleted" });
    expect(await audits("user.deleted", victim.username)).toBe(1);
    expect((await get(w.manager.token, victim.username)).status).toBe(404);
    expect((await remove(w.manager.token, victim.username)).status).toBe(404);
    expect((await remove(w.admin.token, otherAdmin.username)).status).toBe(403);
    expect((await remove((await superAdminLogin(w.t)).token, otherAdmin.username)).status).toBe(200);
  });
});
