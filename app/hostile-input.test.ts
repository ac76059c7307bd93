import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../testing/databases.ts";
import { basic, mgmtCall, mgmtOpenapi, mgmtRequest, mgmtWorld, type MgmtWorld } from "../testing/management-client.ts";
import { apimRequest, call as apimCall } from "../testing/apim-client.ts";
import { callRoute, sessionCookie } from "../testing/route-harness.ts";
import { seedUser } from "../testing/seed.ts";
import * as loginRoute from "./management/login/route.ts";
import * as mgmtUsers from "./management/users/route.ts";
import * as mgmtUser from "./management/users/[userId]/route.ts";
import * as aliasesRoute from "./api/am/admin/v4/system-scopes/role-aliases/route.ts";
import * as usersRoute from "./api/v1/users/route.ts";
import * as bulkDelete from "./api/v1/users/bulk-delete/route.ts";
import * as bulkAssign from "./api/v1/users/bulk-assign-role/route.ts";

vi.mock("next/headers", async () => (await import("../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const MALFORMED = /Contains a control character \(NUL\) or broken Unicode\./;

describe.each(await databaseKinds())("hostile input at the REST edge on %s", (kind) => {
  let w: MgmtWorld;
  let cookie: string;
  const counts = async () => ({
    users: await w.t.db.user.count(),
    sessions: await w.t.db.session.count(),
    roles: await w.t.db.role.count(),
    audit: await w.t.db.auditEvent.count(),
  });
  const consoleRequest = (method: string, path: string, body?: unknown) =>
    new Request(`${ORIGIN}${path}`, {
      method,
      headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    w = await mgmtWorld(kind);
    const admin = await seedUser(w.t.db, { admin: true });
    cookie = await sessionCookie(w.t.db, admin.username, admin.password);
  });
  afterAll(() => w.t.drop());

  it("refuses NUL in HTTP Basic credentials with a 400 in the MI's shape, and opens no session", async () => {
    const before = await counts();
    for (const authorization of [basic(`${w.manager.username}\u0000`, "x"), basic(w.manager.username, "pass\u0000word")]) {
      const response = await loginRoute.POST(mgmtRequest("POST", "/login", { headers: { authorization } }));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { Error: string }).Error).toMatch(MALFORMED);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses NUL and lone surrogates in a JSON body, naming the field, and stores nothing", async () => {
    const before = await counts();
    for (const userId of ["bad\u0000name", "bad\uD800name", "bad\uDC00", "\uDBFF"]) {
      const response = await mgmtCall(
        mgmtUsers.POST,
        "/users",
        mgmtRequest("POST", "/users", { token: w.admin.token, body: { userId, password: "correct horse battery staple" } }),
        {},
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { Error: string }).Error).toMatch(/^userId: Contains a control character/);
    }
    // The same through a raw body whose JSON escapes spell the characters.
    const raw = await callRoute(
      mgmtUsers.POST,
      mgmtRequest("POST", "/users", { token: w.admin.token, raw: '{"userId":"a\\u0000","password":"x"}' }),
      {},
    );
    expect(raw.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("answers the APIM shape for broken text in an APIM body", async () => {
    const response = await apimCall(
      aliasesRoute.PUT,
      "/system-scopes/role-aliases",
      apimRequest("PUT", "/system-scopes/role-aliases", { cookie, body: { count: 1, list: [{ role: "x\u0000", aliases: [] }] } }),
      {},
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 400, message: "Bad Request", description: expect.stringMatching(MALFORMED) });
  });

  it("refuses NUL in the query and in path segments, and a segment that could not be decoded", async () => {
    const query = await callRoute(usersRoute.GET, consoleRequest("GET", "/api/v1/users?q=a%00"), {});
    expect(query.status).toBe(400);
    expect(await query.json()).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/^q: Contains/) });
    const path = await mgmtCall(mgmtUser.GET, "/users/{userId}", mgmtRequest("GET", "/users/x%00", { token: w.admin.token }), {
      userId: "x\u0000",
    });
    expect(path.status).toBe(400);
    const undecodable = await mgmtUser.GET(mgmtRequest("GET", "/users/%FF", { token: w.admin.token }), {
      params: Promise.reject(new URIError("URI malformed")),
    });
    expect(undecodable.status).toBe(400);
    await mgmtOpenapi.assertResponse("/users/{userId}", "GET", undecodable);
  });

  it("refuses bulk user and role ids beyond the 32-bit id range before the database sees them", async () => {
    const before = await counts();
    for (const body of [{ userIds: [2 ** 31] }, { userIds: [w.plain.id, 1e300] }]) {
      const response = await callRoute(bulkDelete.POST, consoleRequest("POST", "/api/v1/users/bulk-delete", body), {});
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "INVALID_INPUT" });
    }
    const assign = await callRoute(
      bulkAssign.POST,
      consoleRequest("POST", "/api/v1/users/bulk-assign-role", { roleId: 2 ** 31, userIds: [w.plain.id] }),
      {},
    );
    expect(assign.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("answers a bulk job refused before any progress with its error status, not a 200 stream", async () => {
    const response = await callRoute(
      bulkAssign.POST,
      consoleRequest("POST", "/api/v1/users/bulk-assign-role", { roleId: 2 ** 31 - 1, userIds: [w.plain.id] }),
      {},
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });
});
