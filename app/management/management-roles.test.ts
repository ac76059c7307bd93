import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { mgmtCall, mgmtRequest, mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import { seedUser } from "../../testing/seed.ts";
import * as roleRoute from "./roles/[role]/route.ts";
import * as rolesRoute from "./roles/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

type RolePage = { count: number; list: { role: string }[]; truncated: boolean; next: string | null };

describe.each(await databaseKinds())("management roles on %s", (kind) => {
  let w: MgmtWorld;
  beforeAll(async () => {
    w = await mgmtWorld(kind);
  });
  afterAll(() => w.t.drop());

  const list = (token: string, query = "") => mgmtCall(rolesRoute.GET, "/roles", mgmtRequest("GET", `/roles${query}`, { token }), {});
  const add = (token: string, body: unknown) => mgmtCall(rolesRoute.POST, "/roles", mgmtRequest("POST", "/roles", { token, body }), {});
  const assign = (token: string, body: unknown, query = "") =>
    mgmtCall(rolesRoute.PUT, "/roles", mgmtRequest("PUT", `/roles${query}`, { token, body }), {});
  const get = (token: string, role: string, query = "") =>
    mgmtCall(roleRoute.GET, "/roles/{role}", mgmtRequest("GET", `/roles/${encodeURIComponent(role)}${query}`, { token }), { role });
  const remove = (token: string, role: string, query = "") =>
    mgmtCall(roleRoute.DELETE, "/roles/{role}", mgmtRequest("DELETE", `/roles/${encodeURIComponent(role)}${query}`, { token }), { role });
  const audits = (action: string, targetName: string) => w.t.db.auditEvent.count({ where: { action, targetName } });

  it("POST /roles adds a role, audited; a duplicate is 409; a domain may be given either way", async () => {
    const added = await add(w.manager.token, { role: "mgmt_ops", domain: "PRIMARY" });
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ role: "mgmt_ops", status: "Added" });
    expect(await audits("role.created", "mgmt_ops")).toBe(1);
    expect((await add(w.manager.token, { role: "MGMT_OPS" })).status).toBe(409);
    expect(await (await add(w.manager.token, { role: "mgmt_int", domain: "Internal" })).json()).toEqual({
      role: "Internal/mgmt_int",
      status: "Added",
    });
    expect(await (await add(w.manager.token, { role: "Internal/mgmt_int2" })).json()).toEqual({
      role: "Internal/mgmt_int2",
      status: "Added",
    });
  });

  it("GET /roles searches; whole without limit, and with it pages, saying when the list is cut", async () => {
    for (const role of ["pr_a", "pr_b", "pr_c"]) await add(w.manager.token, { role });
    const all = (await (await list(w.manager.token, "?searchKey=pr_")).json()) as RolePage;
    // No limit: the whole list, as the MI answers it (apictl never pages).
    expect(all).toEqual({ count: 3, list: [{ role: "pr_a" }, { role: "pr_b" }, { role: "pr_c" }] });
    expect(await (await list(w.manager.token, "?searchKey=pr_&limit=5")).json()).toEqual({
      count: 3,
      list: [{ role: "pr_a" }, { role: "pr_b" }, { role: "pr_c" }],
      truncated: false,
      next: null,
    });
    const first = await list(w.manager.token, "?searchKey=pr_&limit=2");
    const page1 = (await first.json()) as RolePage;
    expect(page1).toMatchObject({ count: 2, truncated: true });
    expect(first.headers.get("link")).toMatch(/cursor=.*rel="next"/);
    const page2 = (await (
      await list(w.manager.token, `?searchKey=pr_&limit=2&cursor=${encodeURIComponent(page1.next!)}`)
    ).json()) as RolePage;
    expect(page2.list).toEqual([{ role: "pr_c" }]);
    expect(((await (await list(w.manager.token, "?searchKey=creat&domain=Internal")).json()) as RolePage).list).toEqual([
      { role: "Internal/creator" },
    ]);
  });

  it("PUT /roles adds and removes a user's roles, audited; GET /roles/{role} lists members, whole or paged", async () => {
    await add(w.manager.token, { role: "mgmt_team" });
    const users = await Promise.all([1, 2, 3].map(() => seedUser(w.t.db, { grants: [] })));
    for (const u of users) {
      const response = await assign(w.manager.token, {
        userId: u.username,
        domain: "PRIMARY",
        addedRoles: ["mgmt_team"],
        removedRoles: [],
      });
      expect(await response.json()).toEqual({ userId: u.username, status: "Updated" });
      expect(await audits("user.roles_changed", u.username)).toBe(1);
    }
    const page1 = (await (await get(w.manager.token, "mgmt_team", "?limit=2")).json()) as {
      role: string;
      users: string[];
      truncated: boolean;
      next: string;
    };
    expect(page1).toMatchObject({ role: "mgmt_team", count: 2, truncated: true });
    const page2 = (await (await get(w.manager.token, "mgmt_team", `?limit=2&cursor=${encodeURIComponent(page1.next)}`)).json()) as {
      users: string[];
    };
    expect([...page1.users, ...page2.users].sort()).toEqual(users.map((u) => u.username).sort());
    const whole = (await (await get(w.manager.token, "mgmt_team")).json()) as { role: string; count: number; users: string[] };
    expect({ ...whole, users: [...whole.users].sort() }).toEqual({
      role: "mgmt_team",
      count: 3,
      users: users.map((u) => u.username).sort(),
    });
    const removed = await assign(w.manager.token, { userId: users[0]!.username, removedRoles: ["mgmt_team"] }, "?detail=true");
    expect(await removed.json()).toEqual({ userId: users[0]!.username, addedRoles: [], removedRoles: ["mgmt_team"], status: "Updated" });
    expect((await assign(w.manager.token, { userId: users[0]!.username, addedRoles: ["no_such_role"] })).status).toBe(404);
    expect((await assign(w.manager.token, { userId: "no_such_user", addedRoles: ["mgmt_team"] })).status).toBe(404);
    expect((await get(w.manager.token, "no_such_role")).status).toBe(404);
  });

  it("PUT /roles: parallel edits of one user, each naming what to add and remove, all apply (no 409, no lost update)", async () => {
    const target = await seedUser(w.t.db, { grants: [] });
    const names = Array.from({ length: 20 }, (_, i) => `par_${kind}_${i}`);
    for (const role of names) await add(w.manager.token, { role });
    await assign(w.manager.token, { userId: target.username, addedRoles: names.slice(0, 10) });
    const edits = names.slice(0, 10).map((removed, i) => ({
      userId: target.username,
      addedRoles: [names[10 + i]!],
      removedRoles: [removed],
    }));
    const statuses = await Promise.all(edits.map(async (body) => (await assign(w.manager.token, body)).status));
    expect(statuses).toEqual(edits.map(() => 200));
    const held = await w.t.db.membership.findMany({ where: { userId: target.id }, select: { role: { select: { name: true } } } });
    expect(held.map((m) => m.role.name).sort()).toEqual([`role_${target.username}`, ...names.slice(10)].sort());
  });

  it("Internal/everyone can be neither assigned nor removed; the admin role only by its holders", async () => {
    const target = await seedUser(w.t.db, { grants: [] });
    for (const body of [{ addedRoles: ["Internal/everyone"] }, { removedRoles: ["Internal/everyone"] }]) {
      const response = await assign(w.admin.token, { userId: target.username, ...body });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ Error: expect.stringMatching(/implicitly/) });
    }
    expect((await assign(w.manager.token, { userId: target.username, addedRoles: ["admin"] })).status).toBe(403);
    expect(await (await assign(w.admin.token, { userId: target.username, addedRoles: ["admin"] }, "?detail=true")).json()).toMatchObject({
      addedRoles: ["admin"],
    });
    expect((await assign(w.manager.token, { userId: target.username, removedRoles: ["admin"] })).status).toBe(403);
  });

  it("DELETE /roles/{role}: never the admin role or Internal/everyone; other deletions are audited", async () => {
    for (const [role, query] of [
      ["admin", ""],
      ["everyone", "?domain=Internal"],
      ["Internal/everyone", ""],
    ] as const) {
      const response = await remove(w.admin.token, role, query);
      expect(response.status, role).toBe(403);
    }
    await add(w.manager.token, { role: "mgmt_gone" });
    const deleted = await remove(w.manager.token, "mgmt_gone", "?domain=PRIMARY");
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ role: "mgmt_gone", status: "Deleted" });
    expect(await audits("role.deleted", "mgmt_gone")).toBe(1);
    expect((await remove(w.manager.token, "mgmt_gone")).status).toBe(404);
  });
});
