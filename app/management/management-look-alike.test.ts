import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { mgmtCall, mgmtRequest, mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import { seedUser } from "../../testing/seed.ts";
import * as rolesRoute from "./roles/route.ts";
import * as userRoute from "./users/[userId]/route.ts";
import * as usersRoute from "./users/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

// The MI API reaches the same writes as the console: a look-alike is a 409 naming the existing name.
describe.each(await databaseKinds())("management API and look-alike or wildcard names on %s", (kind) => {
  let w: MgmtWorld;
  beforeAll(async () => {
    w = await mgmtWorld(kind);
  });
  afterAll(() => w.t.drop());

  const addRole = (body: unknown) =>
    mgmtCall(rolesRoute.POST, "/roles", mgmtRequest("POST", "/roles", { token: w.manager.token, body }), {});
  const addUser = (body: unknown) =>
    mgmtCall(usersRoute.POST, "/users", mgmtRequest("POST", "/users", { token: w.manager.token, body }), {});
  const getUser = (userId: string) =>
    mgmtCall(userRoute.GET, "/users/{userId}", mgmtRequest("GET", `/users/${encodeURIComponent(userId)}`, { token: w.manager.token }), {
      userId,
    });

  it("POST /roles and POST /users refuse a look-alike of admin with 409 and a message naming it", async () => {
    const role = await addRole({ role: "\u0430dmin" });
    expect(role.status).toBe(409);
    expect(await role.json()).toEqual({ Error: `"\u0430dmin" looks like the existing role "admin"; choose a clearly different name.` });
    const user = await addUser({ userId: "ａｄｍｉｎ", password: "another long password 1", isAdmin: false });
    expect(user.status).toBe(409);
    expect(await user.json()).toEqual({ Error: "A user named admin already exists." });
  });

  it("GET /users/{userId} with `*` or `%` in it is an exact lookup", async () => {
    const star = await seedUser(w.t.db, { username: "star*name" });
    await seedUser(w.t.db, { username: "starxname" });
    expect(await (await getUser("star*name")).json()).toMatchObject({ userId: star.username });
    expect((await getUser("star*")).status).toBe(404);
    expect((await getUser("star%")).status).toBe(404);
  });
});
