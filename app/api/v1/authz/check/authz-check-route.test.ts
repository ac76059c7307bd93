import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testConfig } from "../../../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../../testing/databases.ts";
import { OpenApiDocument } from "../../../../../testing/openapi.ts";
import { callRoute, sessionCookie, useTestApp } from "../../../../../testing/route-harness.ts";
import { seedUser } from "../../../../../testing/seed.ts";
import { provision } from "../../../../../lib/provisioning/provision.ts";
import { MAX_BATCH } from "../../../../../lib/contracts/authz.ts";
import { mgmtLogin } from "../../../../../testing/management-client.ts";
import * as batchRoute from "./batch/route.ts";
import * as checkRoute from "./route.ts";

vi.mock("next/headers", async () => (await import("../../../../../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const openapi = new OpenApiDocument("public/openapi/authz.json");
const LOGIN = "/permission/admin/login";
type Handler = typeof checkRoute.POST;

function post(path: string, init: { cookie?: string; bearer?: string; body?: unknown; raw?: string } = {}): Request {
  const headers = {
    "content-type": "application/json",
    origin: ORIGIN,
    ...(init.cookie ? { cookie: init.cookie } : {}),
    ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
  };
  return new Request(`${ORIGIN}/api/v1/authz${path}`, { method: "POST", headers, body: init.raw ?? JSON.stringify(init.body ?? {}) });
}

/** Calls a handler and checks the answer against the published document. */
async function call(handler: Handler, path: "/check" | "/check/batch", init: Parameters<typeof post>[1]): Promise<Response> {
  const request = post(path, init);
  const response = await callRoute(handler, request, {});
  await openapi.assertResponse(path, "POST", response);
  return response;
}

describe("the published document", () => {
  it("accepts and refuses the same request bodies as the handlers", () => {
    expect(openapi.acceptsRequest("/check", "POST", { user: "a", permission: LOGIN })).toBe(true);
    expect(openapi.acceptsRequest("/check", "POST", { user: "a", scope: "apim:api_view" })).toBe(true);
    expect(openapi.acceptsRequest("/check", "POST", { user: "a", permission: LOGIN, extra: 1 })).toBe(false);
    expect(openapi.acceptsRequest("/check", "POST", { user: "a", permission: LOGIN, scope: "apim:api_view" })).toBe(false);
    expect(openapi.acceptsRequest("/check/batch", "POST", { checks: [] })).toBe(false);
  });
});

describe.each(await databaseKinds())("POST /api/v1/authz/check on %s", (kind) => {
  let t: TestDatabase;
  let service: string;
  let plain: string;
  let alice: Awaited<ReturnType<typeof seedUser>>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    useTestApp(t.db);
    const app = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/manage/identity/usermgt/view"] });
    const other = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/manage/identity/rolemgt"] });
    service = await sessionCookie(t.db, app.username, app.password);
    plain = await sessionCookie(t.db, other.username, other.password);
    alice = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/monitor"] });
  });
  afterAll(() => t.drop());

  it("answers a permission check with the granting roles", async () => {
    const response = await call(checkRoute.POST, "/check", {
      cookie: service,
      body: { user: alice.username, permission: "/permission/admin/monitor/logs" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ allowed: true, reason: { code: "granted", roles: [`role_${alice.username}`] } });
    const denied = await call(checkRoute.POST, "/check", { cookie: service, body: { user: alice.username, scope: "apim:tier_manage" } });
    expect(await denied.json()).toMatchObject({ allowed: false, reason: { code: "not-granted" } });
  });

  it("answers a mixed batch in order", async () => {
    const checks = [
      { user: alice.username, permission: LOGIN },
      { user: alice.username, permission: "/permission/admin/configure" },
      { user: "ghost", permission: LOGIN },
      { user: alice.username, scope: "apim_analytics:everyone" },
    ];
    const response = await call(batchRoute.POST, "/check/batch", { cookie: service, body: { checks } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { allowed: boolean; reason: { code: string } }[] };
    expect(body.results.map((r) => [r.allowed, r.reason.code])).toEqual([
      [true, "granted"],
      [false, "not-granted"],
      [false, "unknown-user"],
      [true, "granted"],
    ]);
  });

  it("takes a bearer token from /management/login, and refuses a forged one", async () => {
    const app = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/manage/identity/usermgt/view"] });
    const token = await mgmtLogin(app.username, app.password);
    const body = { user: alice.username, permission: "/permission/admin/monitor/logs" };
    const response = await call(checkRoute.POST, "/check", { bearer: token, body });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ allowed: true });
    expect((await call(checkRoute.POST, "/check", { bearer: `${token}x`, body })).status).toBe(401);
  });

  it("refuses without a session (401) and without a user-view node (403)", async () => {
    const body = { user: alice.username, permission: LOGIN };
    for (const [handler, path, payload] of [
      [checkRoute.POST, "/check", body],
      [batchRoute.POST, "/check/batch", { checks: [body] }],
    ] as const) {
      expect((await call(handler, path, { body: payload })).status).toBe(401);
      const forbidden = await call(handler, path, { cookie: plain, body: payload });
      expect(forbidden.status).toBe(403);
      expect(await forbidden.json()).toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("rejects bad JSON, unknown or missing fields, both kinds at once, and oversized batches with 400; huge bodies with 413", async () => {
    const bad = async (handler: Handler, path: "/check" | "/check/batch", init: Parameters<typeof post>[1]) => {
      const response = await call(handler, path, { cookie: service, ...init });
      expect(response.status, JSON.stringify(init).slice(0, 80)).toBe(400);
      return ((await response.json()) as { message: string }).message;
    };
    expect(await bad(checkRoute.POST, "/check", { raw: "{nope" })).toMatch(/not valid JSON/);
    await bad(checkRoute.POST, "/check", { body: { user: "a", permission: LOGIN, extra: 1 } });
    await bad(checkRoute.POST, "/check", { body: { user: "a" } });
    await bad(checkRoute.POST, "/check", { body: { user: "a", permission: LOGIN, scope: "apim:api_view" } });
    await bad(checkRoute.POST, "/check", { body: { user: "", permission: LOGIN } });
    await bad(batchRoute.POST, "/check/batch", { body: { checks: [] } });
    await bad(batchRoute.POST, "/check/batch", { body: { checks: [{ user: "a", permission: LOGIN }], more: true } });
    const tooMany = Array.from({ length: MAX_BATCH + 1 }, () => ({ user: "a", permission: LOGIN }));
    expect(await bad(batchRoute.POST, "/check/batch", { body: { checks: tooMany } })).toMatch(/At most 1000 checks/);
    const huge = await call(checkRoute.POST, "/check", { cookie: service, body: { user: "a", permission: "x".repeat(20_000) } });
    expect(huge.status).toBe(413);
  });

  it("words a full batch's one fault as the schema does, wherever it is, and answers a padded name trimmed", async () => {
    const batch = (fault: Record<string, unknown>) =>
      Array.from({ length: MAX_BATCH }, (_, i) => (i === 700 ? fault : { user: alice.username, permission: LOGIN }));
    const message = async (checks: unknown[]) => {
      const response = await call(batchRoute.POST, "/check/batch", { cookie: service, body: { checks } });
      expect(response.status).toBe(400);
      return ((await response.json()) as { message: string }).message;
    };
    expect(await message(batch({ user: "a\u0000b", permission: LOGIN }))).toBe(
      "checks[700].user: Contains a control character (NUL) or broken Unicode.",
    );
    expect(await message(batch({ user: "   ", permission: LOGIN }))).toMatch(/^checks\[700\]/);
    expect(await message(batch({ user: "a", permission: LOGIN, scope: "apim:api_view" }))).toMatch(/^checks\[700\]/);
    const padded = await call(batchRoute.POST, "/check/batch", {
      cookie: service,
      body: { checks: [{ user: ` ${alice.username} `, permission: LOGIN }] },
    });
    expect(((await padded.json()) as { results: { allowed: boolean }[] }).results).toMatchObject([{ allowed: true }]);
  });
});
