import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { basic, mgmtCall, mgmtLogin, mgmtOpenapi, mgmtRequest, mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import { callRoute } from "../../testing/route-harness.ts";
import { testConfig } from "../../testing/config.ts";
import type { TGatehouseConfig } from "../../lib/config/schema.ts";
import { seedUser } from "../../testing/seed.ts";
import { sessionIdFor } from "../../lib/sessions/secret.ts";
import * as scopesRoute from "../api/am/admin/v4/system-scopes/route.ts";
import * as loginRoute from "./login/route.ts";
import * as logoutRoute from "./logout/route.ts";
import * as userRoute from "./users/[userId]/route.ts";
import * as usersRoute from "./users/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const sessionId = (token: string) => sessionIdFor(token.split(".")[1]!);
const systemScopes = (token: string) =>
  callRoute(
    scopesRoute.GET,
    new Request("http://localhost:3000/api/am/admin/v4/system-scopes", { headers: { authorization: `Bearer ${token}` } }),
    {},
  );

describe.each(await databaseKinds())("management login and tokens on %s", (kind) => {
  let w: MgmtWorld;
  beforeAll(async () => {
    w = await mgmtWorld(kind);
  });
  afterAll(() => w.t.drop());

  it("GET /login works too, as the MI's CLI sends it", async () => {
    const response = await loginRoute.GET(
      mgmtRequest("GET", "/login", { headers: { authorization: basic(w.manager.username, "correct horse battery staple") } }),
    );
    expect(response.status).toBe(200);
    await mgmtOpenapi.assertResponse("/login", "GET", response);
    expect(((await response.json()) as { AccessToken: string }).AccessToken).toMatch(/^gh1\./);
    const wrong = await loginRoute.GET(mgmtRequest("GET", "/login", { headers: { authorization: basic(w.manager.username, "wrong") } }));
    expect(wrong.status).toBe(401);
    await mgmtOpenapi.assertResponse("/login", "GET", wrong);
  });

  it("POST /login with HTTP Basic answers a signed AccessToken bound to an api session, audited", async () => {
    const response = await loginRoute.POST(
      mgmtRequest("POST", "/login", { headers: { authorization: basic(w.manager.username, "correct horse battery staple") } }),
    );
    expect(response.status).toBe(200);
    await mgmtOpenapi.assertResponse("/login", "POST", response);
    const { AccessToken } = (await response.json()) as { AccessToken: string };
    expect(AccessToken).toMatch(/^gh1\.[\w-]+\.\d+\.[\w-]+$/);
    const session = await w.t.db.session.findUniqueOrThrow({ where: { id: sessionId(AccessToken) } });
    expect(session).toMatchObject({ kind: "api", userId: w.manager.id, revokedAt: null });
    expect(
      await w.t.db.auditEvent.count({ where: { action: "auth.signed_in", targetName: "api", actorId: w.manager.id } }),
    ).toBeGreaterThan(0);
  });

  it("wrong, missing or unknown credentials get one uniform 401 in the MI's shape", async () => {
    const attempt = (authorization?: string) =>
      loginRoute.POST(mgmtRequest("POST", "/login", { headers: authorization ? { authorization } : {} }));
    const wrong = await attempt(basic(w.plain.username, "nope"));
    const unknown = await attempt(basic("nobody_here", "nope"));
    expect(wrong.status).toBe(401);
    await mgmtOpenapi.assertResponse("/login", "POST", wrong);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect((await attempt()).status).toBe(401);
    expect((await attempt("Basic !!!")).status).toBe(401);
  });

  it(
    "any active user gets a token, as in the MI; without permissions it can only change its own password; " +
      "the console still needs Login",
    async () => {
      const { signInWithPassword } = await import("../../lib/auth/sign-in.ts");
      const nobody = await seedUser(w.t.db, { grants: [] });
      const token = await mgmtLogin(nobody.username, nobody.password);
      const list = await mgmtCall(usersRoute.GET, "/users", mgmtRequest("GET", "/users", { token }), {});
      expect(list.status).toBe(403);
      const other = await mgmtCall(
        userRoute.PATCH,
        "/users/{userId}",
        mgmtRequest("PATCH", `/users/${w.plain.username}`, {
          token,
          body: { newPassword: "a new long passphrase", confirmPassword: "a new long passphrase" },
        }),
        { userId: w.plain.username },
      );
      expect(other.status).toBe(403);
      const own = { oldPassword: nobody.password, newPassword: "a new long passphrase", confirmPassword: "a new long passphrase" };
      const changed = await mgmtCall(
        userRoute.PATCH,
        "/users/{userId}",
        mgmtRequest("PATCH", `/users/${nobody.username}`, { token, body: own }),
        { userId: nobody.username },
      );
      expect(changed.status).toBe(200);
      expect(
        await signInWithPassword(w.t.db, testConfig(), { username: nobody.username, password: "a new long passphrase", kind: "console" }),
      ).toEqual({ ok: false });
    },
  );

  it("401s carry WWW-Authenticate: Basic on /login, Bearer elsewhere", async () => {
    const login = await loginRoute.GET(mgmtRequest("GET", "/login"));
    expect(login.status).toBe(401);
    expect(login.headers.get("www-authenticate")).toMatch(/^Basic realm="/);
    await mgmtOpenapi.assertResponse("/login", "GET", login);
    const list = await mgmtCall(usersRoute.GET, "/users", mgmtRequest("GET", "/users"), {});
    expect(list.headers.get("www-authenticate")).toMatch(/^Bearer realm="/);
    const out = await logoutRoute.GET(mgmtRequest("GET", "/logout", { token: "gh1.forged.1.sig" }));
    expect(out.headers.get("www-authenticate")).toMatch(/^Bearer realm="/);
  });

  it("a token works as a bearer on the APIM admin API, and only with API-M Admin", async () => {
    const holder = await seedUser(w.t.db, { grants: ["/permission/admin/login", "/permission/admin/manage/apim_admin"] });
    const token = await mgmtLogin(holder.username, holder.password);
    const ok = await systemScopes(token);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { count: number }).count).toBe(47);
    expect((await systemScopes(w.plain.token)).status).toBe(403);
    expect((await systemScopes("gh1.forged.9999999999.sig")).status).toBe(401);
  });

  it("POST /logout revokes the token: the next call is refused, and logging out twice is 401", async () => {
    const token = await mgmtLogin(w.admin.username, "correct horse battery staple");
    expect((await systemScopes(token)).status).toBe(200);
    const out = await logoutRoute.POST(mgmtRequest("POST", "/logout", { token }));
    expect(out.status).toBe(200);
    await mgmtOpenapi.assertResponse("/logout", "POST", out);
    expect((await w.t.db.session.findUniqueOrThrow({ where: { id: sessionId(token) } })).revokedReason).toBe("logged out");
    expect(await w.t.db.auditEvent.count({ where: { action: "auth.signed_out", actorId: w.admin.id } })).toBe(1);
    const after = await systemScopes(token);
    expect(after.status).toBe(401);
    expect((await logoutRoute.POST(mgmtRequest("POST", "/logout", { token }))).status).toBe(401);
    expect((await logoutRoute.POST(mgmtRequest("POST", "/logout"))).status).toBe(401);
  });

  it("GET /logout revokes like POST, as apictl's `mi logout` sends it", async () => {
    const token = await mgmtLogin(w.admin.username, "correct horse battery staple");
    const out = await logoutRoute.GET(mgmtRequest("GET", "/logout", { token }));
    expect(out.status).toBe(200);
    await mgmtOpenapi.assertResponse("/logout", "GET", out);
    expect((await w.t.db.session.findUniqueOrThrow({ where: { id: sessionId(token) } })).revokedReason).toBe("logged out");
    expect((await systemScopes(token)).status).toBe(401);
  });

  it("an expired session refuses its token, and a tampered token is refused", async () => {
    const token = await mgmtLogin(w.admin.username, "correct horse battery staple");
    await w.t.db.session.update({ where: { id: sessionId(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await systemScopes(token)).status).toBe(401);
    const fresh = await mgmtLogin(w.admin.username, "correct horse battery staple");
    const [p, secret, exp] = fresh.split(".");
    expect((await systemScopes(`${p}.${secret}.${Number(exp) + 1}.${fresh.split(".")[3]}`)).status).toBe(401);
  });

  it("tokens idle out after [session] api_idle_timeout_minutes, which defaults to idle_timeout_minutes", async () => {
    const holder = globalThis as unknown as { gatehouseConfig?: TGatehouseConfig };
    const idleFor = async (token: string, minutes: number) =>
      w.t.db.session.update({ where: { id: sessionId(token) }, data: { lastSeenAt: new Date(Date.now() - minutes * 60_000) } });
    const defaults = await mgmtLogin(w.admin.username, "correct horse battery staple");
    await idleFor(defaults, 20);
    expect((await systemScopes(defaults)).status).toBe(401);
    try {
      holder.gatehouseConfig = testConfig({ session: { api_idle_timeout_minutes: 120 } });
      const patient = await mgmtLogin(w.admin.username, "correct horse battery staple");
      await idleFor(patient, 20);
      expect((await systemScopes(patient)).status).toBe(200);
      await idleFor(patient, 121);
      expect((await systemScopes(patient)).status).toBe(401);
    } finally {
      holder.gatehouseConfig = testConfig();
    }
  });

  it("a console session's secret is not a management token", async () => {
    const { signInWithPassword } = await import("../../lib/auth/sign-in.ts");
    const { testConfig } = await import("../../testing/config.ts");
    const { issueManagementToken } = await import("../../lib/management/token.ts");
    const console = await signInWithPassword(w.t.db, testConfig(), {
      username: w.admin.username,
      password: "correct horse battery staple",
      kind: "console",
    });
    if (!console.ok) throw new Error("sign-in failed");
    const token = await issueManagementToken(console.sessionSecret, new Date(Date.now() + 60_000));
    expect((await systemScopes(token)).status).toBe(401);
  });
});

describe("the management OpenAPI document", () => {
  it("describes request bodies as the handlers validate them: unknown fields ignored, the required fields and types checked", () => {
    expect(mgmtOpenapi.acceptsRequest("/users", "POST", { userId: "a", password: "b", isAdmin: true, domain: "PRIMARY" })).toBe(true);
    expect(mgmtOpenapi.acceptsRequest("/users", "POST", { userId: "a", password: "b", isAdmin: "true", domain: "" })).toBe(true);
    expect(mgmtOpenapi.acceptsRequest("/users", "POST", { userId: "a", password: "b", extra: 1 })).toBe(true);
    expect(mgmtOpenapi.acceptsRequest("/users", "POST", { userId: "a" })).toBe(false);
    expect(mgmtOpenapi.acceptsRequest("/users/{userId}", "PATCH", { oldPassword: "a", newPassword: "b", confirmPassword: "b" })).toBe(true);
    expect(mgmtOpenapi.acceptsRequest("/users/{userId}", "PATCH", { password: "b" })).toBe(false);
    expect(mgmtOpenapi.acceptsRequest("/roles", "POST", { role: "r", domain: "PRIMARY" })).toBe(true);
    expect(mgmtOpenapi.acceptsRequest("/roles", "PUT", { userId: "u", addedRoles: ["r"], removedRoles: [] })).toBe(true);
    expect(mgmtOpenapi.acceptsRequest("/roles", "PUT", { userId: "u", addedRoles: "r" })).toBe(false);
    expect(mgmtOpenapi.acceptsRequest("/roles", "PUT", { userId: "u", domain: "", addedRoles: null, removedRoles: ["r"] })).toBe(true);
    expect(mgmtOpenapi.acceptsRequest("/roles", "PUT", { userId: "u" })).toBe(false);
  });

  it("rejects answers that break it", async () => {
    const json = (status: number, body: unknown) => Response.json(body, { status });
    await mgmtOpenapi.assertResponse("/users", "GET", json(200, { count: 0, list: [], truncated: false, next: null }));
    await mgmtOpenapi.assertResponse("/users", "GET", json(200, { count: 0, list: [] }));
    await expect(mgmtOpenapi.assertResponse("/users", "GET", json(200, { list: [] }))).rejects.toThrow(/count/);
    await expect(mgmtOpenapi.assertResponse("/users", "GET", json(401, { Error: "x" }))).rejects.toThrow(/WWW-Authenticate/);
    await expect(mgmtOpenapi.assertResponse("/users", "GET", json(401, { code: "UNAUTHENTICATED", message: "x" }))).rejects.toThrow();
    await expect(mgmtOpenapi.assertResponse("/roles/{role}", "GET", json(500, { Error: "x" }))).rejects.toThrow(/does not list/);
  });
});
