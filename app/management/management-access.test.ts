import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { mgmtCall, mgmtLogin, mgmtRequest, mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import { TEST_PASSWORD } from "../../testing/seed.ts";
import { sessionIdFor } from "../../lib/sessions/secret.ts";
import * as roleRoute from "./roles/[role]/route.ts";
import * as rolesRoute from "./roles/route.ts";
import * as userRoute from "./users/[userId]/route.ts";
import * as usersRoute from "./users/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

type Init = { body?: unknown; raw?: string; query?: string };
type Endpoint = {
  name: string;
  template: string;
  call: (token: string | undefined, init?: Init) => Promise<Response>;
  valid: Init;
  malformed: Init[];
};

const NEW_PASSWORD = "a brand new passphrase";
// Unknown parameters are ignored, as in the MI; a known one of the wrong size is still refused.
const LONG_DOMAIN = `?domain=${"D".repeat(65)}`;

function endpoints(w: MgmtWorld): Endpoint[] {
  const req = (method: string, path: string, token: string | undefined, init: Init = {}) =>
    mgmtRequest(method, `${path}${init.query ?? ""}`, { token, body: init.body, raw: init.raw });
  const admin = w.admin.username;
  return [
    {
      name: "GET /users",
      template: "/users",
      call: (t, i) => mgmtCall(usersRoute.GET, "/users", req("GET", "/users", t, i), {}),
      valid: {},
      malformed: [{ query: "?limit=0" }, { query: "?limit=abc" }],
    },
    {
      name: "POST /users",
      template: "/users",
      call: (t, i) => mgmtCall(usersRoute.POST, "/users", req("POST", "/users", t, i), {}),
      valid: { body: { userId: "never_made", password: NEW_PASSWORD } },
      malformed: [
        { raw: "{not json" },
        { body: { userId: 5, password: NEW_PASSWORD } },
        { body: { userId: "x_y_z", password: NEW_PASSWORD, isAdmin: "yes" } },
        { body: { password: NEW_PASSWORD } },
        { body: { userId: "short_pw", password: "short" } },
      ],
    },
    {
      name: "GET /users/{userId}",
      template: "/users/{userId}",
      call: (t, i) => mgmtCall(userRoute.GET, "/users/{userId}", req("GET", `/users/${admin}`, t, i), { userId: admin }),
      valid: {},
      malformed: [{ query: LONG_DOMAIN }],
    },
    {
      name: "PATCH /users/{userId}",
      template: "/users/{userId}",
      call: (t, i) => mgmtCall(userRoute.PATCH, "/users/{userId}", req("PATCH", `/users/${admin}`, t, i), { userId: admin }),
      valid: { body: { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } },
      malformed: [
        { raw: "[" },
        { body: { newPassword: NEW_PASSWORD, confirmPassword: 7 } },
        { body: { newPassword: NEW_PASSWORD, confirmPassword: "different passphrase" } },
      ],
    },
    {
      name: "DELETE /users/{userId}",
      template: "/users/{userId}",
      call: (t, i) => mgmtCall(userRoute.DELETE, "/users/{userId}", req("DELETE", `/users/${admin}`, t, i), { userId: admin }),
      valid: {},
      malformed: [{ query: LONG_DOMAIN }],
    },
    {
      name: "GET /roles",
      template: "/roles",
      call: (t, i) => mgmtCall(rolesRoute.GET, "/roles", req("GET", "/roles", t, i), {}),
      valid: {},
      malformed: [{ query: "?limit=501" }, { query: "?limit=-1" }],
    },
    {
      name: "POST /roles",
      template: "/roles",
      call: (t, i) => mgmtCall(rolesRoute.POST, "/roles", req("POST", "/roles", t, i), {}),
      valid: { body: { role: "never_made_role" } },
      malformed: [{ raw: "" }, { body: { role: "" } }, { body: { role: 5 } }],
    },
    {
      name: "PUT /roles",
      template: "/roles",
      call: (t, i) => mgmtCall(rolesRoute.PUT, "/roles", req("PUT", "/roles", t, i), {}),
      valid: { body: { userId: admin, addedRoles: ["Internal/creator"], removedRoles: [] } },
      malformed: [
        { raw: "nope" },
        { body: { userId: admin, addedRoles: "Internal/creator" } },
        { body: { userId: admin, roles: [] } },
        { body: { userId: admin, addedRoles: [7] } },
      ],
    },
    {
      name: "GET /roles/{role}",
      template: "/roles/{role}",
      call: (t, i) => mgmtCall(roleRoute.GET, "/roles/{role}", req("GET", "/roles/admin", t, i), { role: "admin" }),
      valid: {},
      malformed: [{ query: "?limit=abc" }],
    },
    {
      name: "DELETE /roles/{role}",
      template: "/roles/{role}",
      call: (t, i) =>
        mgmtCall(roleRoute.DELETE, "/roles/{role}", req("DELETE", "/roles/Internal%2Fcreator", t, i), { role: "Internal/creator" }),
      valid: {},
      malformed: [{ query: LONG_DOMAIN }],
    },
  ];
}

const NAMES = [
  "GET /users",
  "POST /users",
  "GET /users/{userId}",
  "PATCH /users/{userId}",
  "DELETE /users/{userId}",
  "GET /roles",
  "POST /roles",
  "PUT /roles",
  "GET /roles/{role}",
  "DELETE /roles/{role}",
];
const endpoint = (w: MgmtWorld, name: string) => endpoints(w).find((e) => e.name === name)!;

describe.each(await databaseKinds())("management API access on %s", (kind) => {
  let w: MgmtWorld;
  let revoked: string;
  let expired: string;
  beforeAll(async () => {
    w = await mgmtWorld(kind);
    revoked = await mgmtLogin(w.manager.username, TEST_PASSWORD);
    await w.t.db.session.update({
      where: { id: sessionIdFor(revoked.split(".")[1]!) },
      data: { revokedAt: new Date(), revokedReason: "test" },
    });
    expired = await mgmtLogin(w.manager.username, TEST_PASSWORD);
    await w.t.db.session.update({ where: { id: sessionIdFor(expired.split(".")[1]!) }, data: { expiresAt: new Date(Date.now() - 1000) } });
  });
  afterAll(() => w.t.drop());

  it.each(NAMES)("%s: 401 without a token, with a revoked one and with an expired one; 403 without the permission", async (name) => {
    const e = endpoint(w, name);
    for (const token of [undefined, revoked, expired, "gh1.forged.99999999999.sig"]) {
      const response = await e.call(token, e.valid);
      expect(response.status, `${e.name} ${token ?? "no token"}`).toBe(401);
      expect(await response.json()).toEqual({ Error: expect.any(String) });
    }
    const forbidden = await e.call(w.plain.token, e.valid);
    expect(forbidden.status, e.name).toBe(403);
    expect(await forbidden.json()).toEqual({ Error: expect.any(String) });
  });

  it.each(NAMES)("%s: malformed input is 400 in the MI's error shape", async (name) => {
    const e = endpoint(w, name);
    for (const init of e.malformed) {
      const response = await e.call(w.admin.token, init);
      expect(response.status, `${e.name} ${JSON.stringify(init)}`).toBe(400);
      expect(Object.keys(await response.json())).toEqual(["Error"]);
    }
  });

  it.each(NAMES)("%s: unknown query parameters are ignored, as the MI ignores them", async (name) => {
    const e = endpoint(w, name);
    if (
      e.name.startsWith("DELETE") ||
      e.name === "POST /users" ||
      e.name === "POST /roles" ||
      e.name === "PUT /roles" ||
      e.name.startsWith("PATCH")
    )
      return;
    expect((await e.call(w.admin.token, { ...e.valid, query: "?bogus=1&force=yes" })).status, e.name).toBe(200);
  });

  it("an oversized body is 413", async () => {
    const response = await endpoint(w, "POST /users").call(w.admin.token, { body: { userId: "big_one", password: "x".repeat(70 * 1024) } });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ Error: expect.stringMatching(/larger than/) });
  });
});
