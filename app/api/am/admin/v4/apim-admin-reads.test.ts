import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apimRequest, apimWorld, b64, call, type ApimWorld } from "../../../../../testing/apim-client.ts";
import { databaseKinds } from "../../../../../testing/databases.ts";
import { seed001ScopeRoles } from "../../../../../testing/seed-001.ts";
import { seedUser } from "../../../../../testing/seed.ts";
import * as roleRoute from "./roles/[roleId]/route.ts";
import * as scopeRoute from "./system-scopes/[scopeName]/route.ts";
import * as aliasRoute from "./system-scopes/role-aliases/route.ts";
import * as scopesRoute from "./system-scopes/route.ts";

vi.mock("next/headers", async () => (await import("../../../../../testing/route-harness.ts")).nextHeaders);

const ENDPOINTS = [
  {
    name: "GET /system-scopes",
    run: (cookie?: string) => call(scopesRoute.GET, "/system-scopes", apimRequest("GET", "/system-scopes", { cookie }), {}),
  },
  {
    name: "PUT /system-scopes",
    run: (cookie?: string) =>
      call(scopesRoute.PUT, "/system-scopes", apimRequest("PUT", "/system-scopes", { cookie, body: { count: 0, list: [] } }), {}),
  },
  {
    name: "GET /system-scopes/{scopeName}",
    run: (cookie?: string) =>
      call(
        scopeRoute.GET,
        "/system-scopes/{scopeName}",
        apimRequest("GET", `/system-scopes/${b64("apim:api_view")}?username=admin`, { cookie }),
        { scopeName: b64("apim:api_view") },
      ),
  },
  {
    name: "GET /system-scopes/role-aliases",
    run: (cookie?: string) =>
      call(aliasRoute.GET, "/system-scopes/role-aliases", apimRequest("GET", "/system-scopes/role-aliases", { cookie }), {}),
  },
  {
    name: "PUT /system-scopes/role-aliases",
    run: (cookie?: string) =>
      call(
        aliasRoute.PUT,
        "/system-scopes/role-aliases",
        apimRequest("PUT", "/system-scopes/role-aliases", { cookie, body: { count: 0, list: [] } }),
        {},
      ),
  },
  {
    name: "HEAD /roles/{roleId}",
    run: (cookie?: string) =>
      call(roleRoute.HEAD, "/roles/{roleId}", apimRequest("HEAD", `/roles/${b64("admin")}`, { cookie }), { roleId: b64("admin") }),
  },
];

describe.each(await databaseKinds())("APIM admin v4 reads and access on %s", (kind) => {
  let w: ApimWorld;
  beforeAll(async () => {
    w = await apimWorld(kind);
  });
  afterAll(() => w.t.drop());

  it.each(ENDPOINTS)("$name: 401 without credentials, 403 without API-M Admin, 200 with it", async ({ run }) => {
    const anonymous = await run();
    expect(anonymous.status).toBe(401);
    if (anonymous.headers.get("content-type")?.includes("json"))
      expect(await anonymous.json()).toEqual({ code: 401, message: "Unauthorized", description: "Sign in to continue." });
    const forbidden = await run(w.plain);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: 403, message: "Forbidden" });
    expect((await run(w.manager)).status).toBe(200);
  });

  it("GET /system-scopes lists every scope with its roles, as seed 001 says", async () => {
    const response = await call(scopesRoute.GET, "/system-scopes", apimRequest("GET", "/system-scopes", { cookie: w.manager }), {});
    const body = (await response.json()) as { count: number; list: { name: string; roles: string[] }[] };
    expect(body.count).toBe(47);
    expect(new Map(body.list.map((s) => [s.name, [...s.roles].sort()]))).toEqual(
      new Map([...seed001ScopeRoles()].map(([n, r]) => [n, [...r].sort()])),
    );
    expect(body.list[0]).toEqual({
      name: "apim:api_publish",
      description: "Publish API",
      tag: "publisher",
      roles: ["admin", "Internal/publisher"],
    });
    expect(response.headers.get("etag")).toMatch(/^"v\d+"$/);
  });

  it("GET /system-scopes/{scopeName} answers {name} when the user holds the scope, and 404 otherwise", async () => {
    const get = (scope: string, query = "", encoded = b64(scope)) =>
      call(scopeRoute.GET, "/system-scopes/{scopeName}", apimRequest("GET", `/system-scopes/${encoded}${query}`, { cookie: w.manager }), {
        scopeName: encoded,
      });
    const held = await get("apim:tier_manage", "?username=admin");
    expect(held.status).toBe(200);
    expect(await held.json()).toEqual({ name: "apim:tier_manage" });
    expect((await get("apim:tier_manage", "?username=PRIMARY%2FADMIN")).status).toBe(200);
    expect((await get("apim_analytics:everyone", `?username=${w.managerName}`)).status).toBe(200);
    const lacking = await get("apim:tier_manage", `?username=${w.managerName}`);
    expect(lacking.status).toBe(404);
    expect(await lacking.json()).toEqual({
      code: 404,
      message: "Not Found",
      description: `User ${w.managerName} does not have scope apim:tier_manage.`,
    });
    expect((await get("apim:tier_manage")).status).toBe(404);
    expect(await (await get("apim:nope", "?username=admin")).json()).toMatchObject({
      code: 404,
      description: "Scope not found: apim:nope",
    });
    expect((await get("", "", "%%%")).status).toBe(404);
    expect((await get("apim:tier_manage", "?username=nobody")).status).toBe(404);
    expect((await get("apim:tier_manage", "", Buffer.from("apim:tier_manage").toString("base64"))).status).toBe(404);
    expect((await get("apim:api_view", `?username=admin`, Buffer.from("apim:api_view").toString("base64"))).status).toBe(200);
  });

  it("GET /system-scopes/{scopeName} follows aliases", async () => {
    const member = await seedUser(w.t.db, { grants: [] });
    await w.t.db.roleAlias.create({
      data: { roleId: (await w.t.db.role.findFirstOrThrow({ where: { name: "publisher" } })).id, aliasRoleId: member.roleId },
    });
    const encoded = b64("apim:api_publish");
    const response = await call(
      scopeRoute.GET,
      "/system-scopes/{scopeName}",
      apimRequest("GET", `/system-scopes/${encoded}?username=${member.username}`, { cookie: w.manager }),
      { scopeName: encoded },
    );
    expect(response.status).toBe(200);
  });

  it("HEAD /roles/{roleId} answers 200 or 404 with no body, resolving names as WSO2 does", async () => {
    const head = (name: string) =>
      call(roleRoute.HEAD, "/roles/{roleId}", apimRequest("HEAD", `/roles/${b64(name)}`, { cookie: w.manager }), { roleId: b64(name) });
    for (const name of ["admin", "PRIMARY/admin", "Internal/creator", "INTERNAL/everyone"]) {
      const response = await head(name);
      expect(response.status, name).toBe(200);
      expect(await response.text()).toBe("");
    }
    for (const name of ["Internal/ghost", "creator", "NOPE/admin"]) expect((await head(name)).status, name).toBe(404);
  });
});
