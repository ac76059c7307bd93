import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { mgmtCall, mgmtLogin, mgmtRequest, mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import { seedUser } from "../../testing/seed.ts";
import { forgetStoreKey } from "../../lib/stores/secrets.ts";
import * as storeRoute from "./user-stores/[domain]/route.ts";
import * as syncRoute from "./user-stores/[domain]/sync/route.ts";
import * as testRoute from "./user-stores/[domain]/test/route.ts";
import * as storesRoute from "./user-stores/route.ts";
import * as testConnectionRoute from "./user-stores/test-connection/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const SECRET = "api-bind-secret";
const settings = {
  urls: ["ldap://127.0.0.1:1"],
  bindDn: "cn=admin,dc=example,dc=com",
  bindPassword: SECRET,
  userSearchBase: "ou=people,dc=example,dc=com",
};

describe.each(await databaseKinds())("management user stores on %s", (kind) => {
  let w: MgmtWorld;
  let viewerToken: string;
  const previousKey = process.env.GATEHOUSE_STORE_KEY;
  beforeAll(async () => {
    process.env.GATEHOUSE_STORE_KEY = "a-test-store-key-of-at-least-32-characters";
    forgetStoreKey();
    w = await mgmtWorld(kind);
    const viewer = await seedUser(w.t.db, {
      grants: ["/permission/admin/login", "/permission/admin/manage/identity/userstore/config/view"],
    });
    viewerToken = await mgmtLogin(viewer.username, viewer.password);
  });
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.GATEHOUSE_STORE_KEY;
    else process.env.GATEHOUSE_STORE_KEY = previousKey;
    forgetStoreKey();
    await w.t.drop();
  });

  const call = <P>(
    handler: Parameters<typeof mgmtCall<P>>[0],
    template: string,
    method: string,
    path: string,
    params: P,
    token: string,
    body?: unknown,
  ) => mgmtCall(handler, template, mgmtRequest(method, path, { token, body }), params);
  const list = (token: string) => call(storesRoute.GET, "/user-stores", "GET", "/user-stores", {}, token);
  const add = (token: string, body: unknown) => call(storesRoute.POST, "/user-stores", "POST", "/user-stores", {}, token, body);
  const get = (token: string, domain: string) =>
    call(storeRoute.GET, "/user-stores/{domain}", "GET", `/user-stores/${domain}`, { domain }, token);

  it("adds, lists and shows a store with its secret as a marker only; the admin may, a viewer only reads", async () => {
    const added = await add(w.admin.token, { domain: "apicorp", type: "ldap", description: "API", settings });
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ domain: "APICORP", status: "Added" });
    const listed = await (await list(viewerToken)).text();
    expect(listed).toContain("APICORP");
    expect(listed).not.toContain(SECRET);
    const store = (await (await get(viewerToken, "apicorp")).json()) as { settings: Record<string, unknown>; version: number };
    expect(store.settings.bindPassword).toEqual({ set: true });
    expect((await add(viewerToken, { domain: "nope", type: "ldap", settings })).status).toBe(403);
    expect((await add(w.plain.token, { domain: "nope", type: "ldap", settings })).status).toBe(403);
    expect((await list(w.plain.token)).status).toBe(403);
  });

  it("refuses bad settings and reserved domains with 400, a taken domain with 409, a missing store with 404", async () => {
    const bad = await add(w.admin.token, { domain: "badurl", type: "ldap", settings: { ...settings, urls: ["http://x"] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { Error: string }).Error).toMatch(/urls/);
    expect((await add(w.admin.token, { domain: "Internal", type: "ldap", settings })).status).toBe(400);
    await add(w.admin.token, { domain: "taken", type: "ldap", settings });
    expect((await add(w.admin.token, { domain: "TAKEN", type: "ldap", settings })).status).toBe(409);
    expect((await get(w.admin.token, "missing")).status).toBe(404);
  });

  it("edits keeping the secret, disables, tests (a failing step is an answer), syncs (503) and deletes", async () => {
    await add(w.admin.token, { domain: "cycle", type: "ldap", settings });
    const path = "/user-stores/cycle";
    const params = { domain: "cycle" };
    const put = await call(storeRoute.PUT, "/user-stores/{domain}", "PUT", path, params, w.admin.token, {
      version: 1,
      readOnly: false,
      settings: { ...settings, bindPassword: "" },
    });
    expect(put.status).toBe(200);
    const row = await w.t.db.userStore.findFirstOrThrow({ where: { domain: "CYCLE" } });
    expect(row.readOnly).toBe(false);
    expect(JSON.parse(row.settings!).bindPassword).toMatch(/^sealed:v1:/);
    expect(
      (await call(storeRoute.PATCH, "/user-stores/{domain}", "PATCH", path, params, w.admin.token, { version: 1, enabled: false })).status,
    ).toBe(409);
    expect(
      (await call(storeRoute.PATCH, "/user-stores/{domain}", "PATCH", path, params, w.admin.token, { version: 2, enabled: false })).status,
    ).toBe(200);
    await call(storeRoute.PATCH, "/user-stores/{domain}", "PATCH", path, params, w.admin.token, { version: 3, enabled: true });

    const tested = await call(testRoute.POST, "/user-stores/{domain}/test", "POST", `${path}/test`, params, w.admin.token);
    expect(tested.status).toBe(200);
    const outcome = (await tested.json()) as { ok: boolean; steps: { ok: boolean; detail: string }[] };
    expect(outcome.ok).toBe(false);
    expect(outcome.steps.at(-1)!.detail).not.toBe("");
    const unsaved = await call(
      testConnectionRoute.POST,
      "/user-stores/test-connection",
      "POST",
      "/user-stores/test-connection",
      {},
      w.admin.token,
      {
        type: "ldap",
        settings,
      },
    );
    expect(((await unsaved.json()) as { ok: boolean }).ok).toBe(false);
    expect((await call(testRoute.POST, "/user-stores/{domain}/test", "POST", `${path}/test`, params, viewerToken)).status).toBe(403);

    expect((await call(syncRoute.POST, "/user-stores/{domain}/sync", "POST", `${path}/sync`, params, w.admin.token)).status).toBe(503);

    expect((await call(storeRoute.DELETE, "/user-stores/{domain}", "DELETE", `${path}?version=4`, params, viewerToken)).status).toBe(403);
    const deleted = await call(storeRoute.DELETE, "/user-stores/{domain}", "DELETE", `${path}?version=4`, params, w.admin.token);
    expect(await deleted.json()).toEqual({ domain: "CYCLE", status: "Deleted", users: 0, groups: 0, sessions: 0, internalMemberships: 0 });
    expect((await get(w.admin.token, "cycle")).status).toBe(404);
  });
});
