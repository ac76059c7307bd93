// WSO2 IS's tenant management REST API as a super admin, a tenant's admin and a viewer call it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provision } from "../../../../../lib/provisioning/provision.ts";
import { testConfig } from "../../../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../../testing/databases.ts";
import { callRoute, sessionCookie, useTestApp } from "../../../../../testing/route-harness.ts";
import { OpenApiDocument } from "../../../../../testing/openapi.ts";
import { seedUser } from "../../../../../testing/seed.ts";
import * as lifecycle from "./[tenantId]/lifecycle-status/route.ts";
import * as metadata from "./[tenantId]/metadata/route.ts";
import * as owner from "./[tenantId]/owners/[ownerId]/route.ts";
import * as owners from "./[tenantId]/owners/route.ts";
import * as one from "./[tenantId]/route.ts";
import * as tenants from "./route.ts";

vi.mock("next/headers", async () => (await import("../../../../../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const PATH = "/api/server/v1/tenants";
const PASSWORD = "the acme admin password";
const model = (domain: string, username = "boss") => ({
  domain,
  owners: [
    { username, password: PASSWORD, email: `boss@${domain}`, firstname: "Bo", lastname: "Ss", provisioningMethod: "inline-password" },
  ],
});

const openapi = new OpenApiDocument("public/openapi/tenants.json");
const TEMPLATES = new Map<unknown, string>([
  [tenants.GET, "/tenants"],
  [tenants.POST, "/tenants"],
  [one.GET, "/tenants/{tenantId}"],
  [one.DELETE, "/tenants/{tenantId}"],
  [metadata.DELETE, "/tenants/{tenantId}/metadata"],
  [lifecycle.PUT, "/tenants/{tenantId}/lifecycle-status"],
  [owners.GET, "/tenants/{tenantId}/owners"],
  [owner.PUT, "/tenants/{tenantId}/owners/{ownerId}"],
]);

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
/** Calls a handler as Next.js would and checks its answer against public/openapi/tenants.json. */
async function call<P>(handler: Handler<P>, method: string, path: string, cookie: string, params: P, body?: unknown) {
  const headers: Record<string, string> = { cookie, origin: ORIGIN };
  if (body !== undefined) headers["content-type"] = "application/json";
  const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
  const response = await callRoute(handler, new Request(`${ORIGIN}${path}`, init), params);
  await openapi.assertResponse(TEMPLATES.get(handler)!, method, response);
  return response;
}

describe.each(await databaseKinds())("%s: /api/server/v1/tenants", (kind) => {
  let t: TestDatabase;
  let root: string;
  let viewer: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    const a = await seedUser(t.db, { admin: true });
    root = await sessionCookie(t.db, a.username, a.password);
    const v = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/protected/manage/monitor/tenants"] });
    viewer = await sessionCookie(t.db, v.username, v.password);
  });
  afterAll(() => t.drop());

  it("adds, lists, reads, deactivates and deletes a tenant in WSO2's shapes", async () => {
    const created = await call(tenants.POST, "POST", PATH, root, {}, model("acme.com"));
    expect(created.status).toBe(201);
    const id = created.headers.get("location")!.split("/").pop()!;
    expect(created.headers.get("location")).toBe(`${PATH}/${id}`);
    await call(tenants.POST, "POST", PATH, root, {}, model("beta.org"));

    const list = await call(tenants.GET, "GET", `${PATH}?limit=1&offset=0`, root, {});
    const page = await list.json();
    expect(page).toMatchObject({ totalResults: 2, startIndex: 1, count: 1, links: [{ rel: "next", href: `${PATH}?offset=1&limit=1` }] });
    expect(page.tenants[0]).toMatchObject({ id, domain: "acme.com", lifecycleStatus: { activated: true }, owners: [{ username: "boss" }] });

    expect(await (await call(one.GET, "GET", `${PATH}/${id}`, viewer, { tenantId: id })).json()).toMatchObject({ domain: "acme.com" });
    const ownerList = await (await call(owners.GET, "GET", `${PATH}/${id}/owners`, root, { tenantId: id })).json();
    expect(ownerList).toHaveLength(1);
    const contact = { email: "new@acme.com", firstname: "New", lastname: "Boss" };
    const ownerPath = `${PATH}/${id}/owners/${ownerList[0].id}`;
    expect((await call(owner.PUT, "PUT", ownerPath, root, { tenantId: id, ownerId: ownerList[0].id }, contact)).status).toBe(200);
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: Number(id) } })).email).toBe("new@acme.com");

    const refused = await call(metadata.DELETE, "DELETE", `${PATH}/${id}/metadata`, root, { tenantId: id });
    expect([refused.status, (await refused.json()).code]).toEqual([409, "CONFLICT"]);
    const off = await call(lifecycle.PUT, "PUT", `${PATH}/${id}/lifecycle-status`, root, { tenantId: id }, { activated: false });
    expect(off.status).toBe(200);
    expect((await call(metadata.DELETE, "DELETE", `${PATH}/${id}/metadata`, root, { tenantId: id })).status).toBe(204);
    expect((await call(one.GET, "GET", `${PATH}/${id}`, root, { tenantId: id })).status).toBe(404);
    expect(await t.db.user.count({ where: { tenantId: Number(id) } })).toBe(0);
  });

  it("refuses bad input with WSO2's error shape and never a 5xx", async () => {
    const taken = await call(tenants.POST, "POST", PATH, root, {}, model("beta.org"));
    expect([taken.status, await taken.json()]).toEqual([409, expect.objectContaining({ code: "CONFLICT", message: "Conflict" })]);
    for (const body of [model("carbon.super"), model("nodot"), model("ok.com", "a b"), { domain: "x.com", owners: [] }, { domain: 1 }]) {
      expect((await call(tenants.POST, "POST", PATH, root, {}, body)).status).toBe(400);
    }
    expect((await call(tenants.GET, "GET", `${PATH}?filter=domain+sw+a`, root, {})).status).toBe(400);
    for (const id of ["abc", "0", "99999999", "1e3"]) {
      expect((await call(one.GET, "GET", `${PATH}/${id}`, root, { tenantId: id })).status).toBe(404);
    }
    const superId = String((await t.db.tenant.findUniqueOrThrow({ where: { domain: "carbon.super" } })).id);
    expect((await call(lifecycle.PUT, "PUT", "/x", root, { tenantId: superId }, { activated: false })).status).toBe(404);
    expect((await call(lifecycle.PUT, "PUT", "/x", root, { tenantId: superId }, { activated: "no" })).status).toBe(400);
  });

  it("refuses a viewer's writes, and every call of a tenant's own admin", async () => {
    expect((await call(tenants.GET, "GET", PATH, viewer, {})).status).toBe(200);
    expect((await call(tenants.POST, "POST", PATH, viewer, {}, model("v.com"))).status).toBe(403);
    const beta = await t.db.tenant.findUniqueOrThrow({ where: { domain: "beta.org" } });
    const tenantAdmin = await sessionCookie(t.db, "boss@beta.org", PASSWORD);
    const id = String(beta.id);
    const answers = [
      await call(tenants.GET, "GET", PATH, tenantAdmin, {}),
      await call(tenants.POST, "POST", PATH, tenantAdmin, {}, model("evil.com")),
      await call(one.GET, "GET", `${PATH}/${id}`, tenantAdmin, { tenantId: id }),
      await call(lifecycle.PUT, "PUT", "/x", tenantAdmin, { tenantId: id }, { activated: false }),
      await call(metadata.DELETE, "DELETE", "/x", tenantAdmin, { tenantId: id }),
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: beta.id } })).active).toBe(true);
    expect(await t.db.tenant.count({ where: { domain: "evil.com" } })).toBe(0);
  });
});
