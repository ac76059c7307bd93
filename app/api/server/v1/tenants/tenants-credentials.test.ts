// The credentials WSO2's own scripts send to Identity Server's tenant API: HTTP Basic on every
// call (`curl -u admin:admin`), and OAuth2 tokens holding internal_list_tenants / internal_modify_tenants.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provision } from "../../../../../lib/provisioning/provision.ts";
import { testConfig } from "../../../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../../testing/databases.ts";
import { basic, clientAuth, dcr, tokenCall, type Registered } from "../../../../../testing/oauth2-client.ts";
import { callRoute, useTestApp } from "../../../../../testing/route-harness.ts";
import { seedUser } from "../../../../../testing/seed.ts";
import * as tenants from "./route.ts";

vi.mock("next/headers", async () => (await import("../../../../../testing/route-harness.ts")).nextHeaders);

const URL = "http://localhost:3000/api/server/v1/tenants";
const PASSWORD = "the acme admin password";
const model = (domain: string) => ({
  domain,
  owners: [
    {
      username: "boss",
      password: PASSWORD,
      email: `boss@${domain}`,
      firstname: "Bo",
      lastname: "Ss",
      provisioningMethod: "inline-password",
    },
  ],
});
const list = (authorization: string) => callRoute(tenants.GET, new Request(URL, { headers: { authorization } }), {});
const add = (authorization: string, domain: string) =>
  callRoute(
    tenants.POST,
    new Request(URL, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify(model(domain)),
    }),
    {},
  );

describe.each(await databaseKinds())("%s: credentials on /api/server/v1/tenants", (kind) => {
  let t: TestDatabase;
  let root: { username: string; password: string };
  let viewer: { username: string; password: string };
  const openSessions = () => t.db.session.count({ where: { revokedAt: null } });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    root = await seedUser(t.db, { admin: true });
    viewer = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/protected/manage/monitor/tenants"] });
  });
  afterAll(() => t.drop());

  it("takes HTTP Basic on each call, ends the session it opened, and refuses wrong credentials alike", async () => {
    const before = await openSessions();
    expect((await add(basic(root.username, root.password), "basic.com")).status).toBe(201);
    const page = await list(basic(root.username, root.password));
    expect(page.status).toBe(200);
    expect((await page.json()).tenants.map((x: { domain: string }) => x.domain)).toContain("basic.com");
    expect(await openSessions()).toBe(before);

    for (const authorization of [basic(root.username, "wrong"), basic("nobody", "x"), "Basic bm9jb2xvbg=="]) {
      const refused = await list(authorization);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: "UNAUTHENTICATED" });
    }
    // A tenant's own admin, by Basic as by any credential: the super tenant's API only.
    expect((await list(basic("boss@basic.com", PASSWORD))).status).toBe(403);
    expect((await add(basic(viewer.username, viewer.password), "viewer.com")).status).toBe(403);
    expect(await t.db.tenant.count({ where: { domain: "viewer.com" } })).toBe(0);
  });

  it("grants internal_list_tenants and internal_modify_tenants by the permissions behind them, and the routes ask for them", async () => {
    const token = async (user: { username: string; password: string }, scope: string) => {
      const registered = await dcr(basic(user.username, user.password), {
        clientName: `c_${user.username}_${scope.length}`,
        owner: user.username,
        grantType: "password",
        saasApp: true,
      });
      const app = (await registered.json()) as Registered;
      const answer = await tokenCall({ grant_type: "password", username: user.username, password: user.password, scope }, clientAuth(app));
      return (await answer.json()) as { access_token: string; scope: string };
    };
    const both = "internal_list_tenants internal_modify_tenants";
    const rootToken = await token(root, both);
    expect(rootToken.scope.split(" ").sort()).toEqual(["internal_list_tenants", "internal_modify_tenants"]);
    expect((await add(`Bearer ${rootToken.access_token}`, "oauth.com")).status).toBe(201);

    const viewerToken = await token(viewer, both);
    expect(viewerToken.scope).toBe("internal_list_tenants");
    expect((await list(`Bearer ${viewerToken.access_token}`)).status).toBe(200);
    expect((await add(`Bearer ${viewerToken.access_token}`, "nope.com")).status).toBe(403);

    // A token without the scope is refused even for the super admin.
    const unscoped = await token(root, "internal_list_tenants");
    expect((await add(`Bearer ${unscoped.access_token}`, "nope.com")).status).toBe(403);
    expect(await t.db.tenant.count({ where: { domain: "nope.com" } })).toBe(0);
  });
});
