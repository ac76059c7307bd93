import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apimRequest, apimWorld, call, openapi, ORIGIN, rolesByScope, type ApimWorld } from "../../../../../testing/apim-client.ts";
import { databaseKinds } from "../../../../../testing/databases.ts";
import { SCOPE_CATALOG } from "../../../../../lib/scopes/catalog.ts";
import * as aliasRoute from "./system-scopes/role-aliases/route.ts";
import * as scopesRoute from "./system-scopes/route.ts";

vi.mock("next/headers", async () => (await import("../../../../../testing/route-harness.ts")).nextHeaders);

type Init = Parameters<typeof apimRequest>[2];

describe.each(await databaseKinds())("APIM admin v4 writes on %s", (kind) => {
  let w: ApimWorld;
  const putScopes = (init: Init) =>
    call(scopesRoute.PUT, "/system-scopes", apimRequest("PUT", "/system-scopes", { cookie: w.manager, ...init }), {});
  const putAliases = (init: Init) =>
    call(
      aliasRoute.PUT,
      "/system-scopes/role-aliases",
      apimRequest("PUT", "/system-scopes/role-aliases", { cookie: w.manager, ...init }),
      {},
    );
  const getScopes = () => call(scopesRoute.GET, "/system-scopes", apimRequest("GET", "/system-scopes", { cookie: w.manager }), {});
  const description = async (response: Response) => ((await response.json()) as { description: string }).description;

  beforeAll(async () => {
    w = await apimWorld(kind);
  });
  afterAll(() => w.t.drop());

  it("PUT /system-scopes replaces the roles of the listed scopes only, and audits once", async () => {
    const before = await rolesByScope(w.t.db);
    const body = {
      count: 2,
      list: [
        { name: "apim:api_view", description: "ignored", tag: "admin", roles: ["admin", "Internal/creator", "internal/DEVOPS"] },
        { name: "apim:bl_view", roles: ["admin", " Internal/publisher "] },
      ],
    };
    expect(openapi.acceptsRequest("/system-scopes", "PUT", body)).toBe(true);
    const response = await putScopes({ body });
    expect(response.status).toBe(200);
    const listed = ((await response.json()) as { list: { name: string; roles: string[]; description: string }[] }).list;
    expect(listed.find((s) => s.name === "apim:api_view")).toEqual({
      name: "apim:api_view",
      description: "View API",
      tag: "publisher",
      roles: ["admin", "Internal/creator", "Internal/devops"],
    });
    const after = await rolesByScope(w.t.db);
    expect(after.get("apim:bl_view")).toEqual(["Internal/publisher", "admin"]);
    for (const [scope, roles] of before)
      if (scope !== "apim:api_view" && scope !== "apim:bl_view") expect(after.get(scope), scope).toEqual(roles);
    expect(await w.t.db.auditEvent.count({ where: { action: "scopes.roles_set" } })).toBe(1);
  });

  it("refuses malformed bodies, unknown names, removing the admin role and cross-site posts, changing nothing", async () => {
    const before = await rolesByScope(w.t.db);
    const refused = async (init: Init, status: number, text: RegExp | string) => {
      const response = await putScopes(init);
      expect(response.status).toBe(status);
      expect(await description(response)).toMatch(text);
    };
    await refused({ raw: "{" }, 400, "The body is not valid JSON.");
    await refused({ body: { list: [{ name: "apim:api_view", roles: "admin,Internal/creator" }] } }, 400, /^list\[0\]\.roles: /);
    await refused({ body: { count: 1 } }, 400, /^list: /);
    await refused({ body: { list: [{ name: "apim:api_view", roles: ["admin", "ghost"] }] } }, 400, 'Unknown role: "ghost".');
    await refused(
      {
        body: {
          list: [
            { name: "apim:api_view", roles: ["admin"] },
            { name: "apim:nope", roles: ["admin"] },
          ],
        },
      },
      400,
      'Unknown scope: "apim:nope".',
    );
    await refused(
      { body: { list: [{ name: "apim:api_view", roles: ["Internal/creator"] }] } },
      400,
      /admin role \(admin\) stays on every scope/,
    );
    await refused(
      {
        body: {
          list: [
            { name: "apim:api_view", roles: ["admin"] },
            { name: "apim:api_view", roles: ["admin"] },
          ],
        },
      },
      400,
      /listed twice/,
    );
    await refused({ body: { list: [] }, headers: { origin: "https://evil.example" } }, 403, "Cross-site requests are refused.");
    await refused({ raw: JSON.stringify({ list: [{ name: "x".repeat(1024 * 1024), roles: [] }] }) }, 413, /larger than/);
    expect(await rolesByScope(w.t.db)).toEqual(before);
  });

  it("honours If-Match: the ETag of a GET, then 412 once someone else saved", async () => {
    const etag = (await getScopes()).headers.get("etag")!;
    const body = { list: [{ name: "apim:tier_view", roles: ["admin", "Internal/publisher"] }] };
    const first = await putScopes({ body, headers: { "if-match": etag } });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).not.toBe(etag);
    const stale = await putScopes({ body: { list: [{ name: "apim:tier_view", roles: ["admin"] }] }, headers: { "if-match": etag } });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ code: 412, message: "Precondition Failed" });
    expect((await putScopes({ body, headers: { "if-match": "garbage" } })).status).toBe(412);
    expect((await rolesByScope(w.t.db)).get("apim:tier_view")).toEqual(["Internal/publisher", "admin"]);
  });

  it("GET and PUT /system-scopes/role-aliases replace all aliases and refuse bad bodies", async () => {
    const body = {
      count: 2,
      list: [
        { role: "Internal/creator", aliases: ["Internal/creator", "Internal/devops"] },
        { role: "Internal/publisher", aliases: ["Internal/analytics"] },
      ],
    };
    expect(openapi.acceptsRequest("/system-scopes/role-aliases", "PUT", body)).toBe(true);
    const saved = await putAliases({ body });
    expect(saved.status).toBe(200);
    const expected = {
      count: 2,
      list: [
        { role: "Internal/creator", aliases: ["Internal/devops"] },
        { role: "Internal/publisher", aliases: ["Internal/analytics"] },
      ],
    };
    expect(await saved.json()).toEqual(expected);
    expect((await putAliases({ body: { list: [{ role: "Internal/creator", aliases: "Internal/devops" }] } })).status).toBe(400);
    const unknown = await putAliases({ body: { list: [{ role: "Internal/creator", aliases: ["Internal/nobody"] }] } });
    expect(unknown.status).toBe(400);
    expect(await description(unknown)).toBe('Unknown role: "Internal/nobody".');
    const read = await call(
      aliasRoute.GET,
      "/system-scopes/role-aliases",
      apimRequest("GET", "/system-scopes/role-aliases", { cookie: w.manager }),
      {},
    );
    expect(await read.json()).toEqual(expected);
    expect(await (await putAliases({ body: { count: 0, list: [] } })).json()).toEqual({ count: 0, list: [] });
  });

  it("concurrent PUT /system-scopes: the last write wins only as a whole body", async () => {
    const scopes = SCOPE_CATALOG.filter((s) => s.name !== "apim_analytics:everyone")
      .slice(0, 12)
      .map((s) => s.name);
    const a = { list: scopes.map((name) => ({ name, roles: ["admin", "Internal/creator"] })) };
    const b = {
      list: scopes.map((name, i) => ({ name, roles: i % 2 ? ["admin", "Internal/publisher", "Internal/subscriber"] : ["admin"] })),
    };
    const asMap = (body: typeof a) => new Map(body.list.map((s) => [s.name, [...s.roles].sort()]));
    for (let round = 0; round < 4; round++) {
      const [first, second] = round % 2 ? [b, a] : [a, b];
      const responses = await Promise.all([putScopes({ body: first }), putScopes({ body: second })]);
      expect(responses.map((r) => r.status)).toEqual([200, 200]);
      const now = await rolesByScope(w.t.db);
      const state = new Map(scopes.map((s) => [s, now.get(s)!]));
      expect([asMap(a), asMap(b)]).toContainEqual(state);
    }
  });

  it("concurrent PUT /system-scopes/role-aliases: one body or the other, never a mix", async () => {
    const a = { list: [{ role: "Internal/creator", aliases: ["Internal/devops", "Internal/analytics"] }] };
    const b = {
      list: [
        { role: "Internal/publisher", aliases: ["Internal/subscriber"] },
        { role: "Internal/creator", aliases: ["Internal/subscriber"] },
      ],
    };
    for (let round = 0; round < 4; round++) {
      await Promise.all([putAliases({ body: a }), putAliases({ body: b })]);
      const read = await call(
        aliasRoute.GET,
        "/system-scopes/role-aliases",
        apimRequest("GET", "/system-scopes/role-aliases", { cookie: w.manager }),
        {},
      );
      const { list } = (await read.json()) as { list: unknown[] };
      expect([
        [{ role: "Internal/creator", aliases: ["Internal/analytics", "Internal/devops"] }],
        [
          { role: "Internal/creator", aliases: ["Internal/subscriber"] },
          { role: "Internal/publisher", aliases: ["Internal/subscriber"] },
        ],
      ]).toContainEqual(list);
    }
  });

  it("answers errors in APIM's shape with the origin check applied to role aliases too", async () => {
    const response = await putAliases({ body: { list: [] }, headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 403, message: "Forbidden", description: "Cross-site requests are refused." });
    const same = await putAliases({ body: { list: [] }, headers: { origin: ORIGIN } });
    expect(same.status).toBe(200);
  });
});
