// What the OAuth2 and DCR endpoints refuse, and how: RFC 6749/7009/7662 error answers (never a
// 5xx on bad input), the same sign-in rules as /management/login, and the client lifecycle
// (re-registration, name conflicts, deletion with its role and tokens).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provision } from "../../lib/provisioning/provision.ts";
import { deleteUser } from "../../lib/users/delete-user.ts";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { apimRequest, call } from "../../testing/apim-client.ts";
import { useTestApp } from "../../testing/route-harness.ts";
import { seedUser } from "../../testing/seed.ts";
import {
  basic,
  clientAuth,
  dcr,
  dcrDelete,
  introspectCall,
  ORIGIN,
  rawTokenCall,
  revokeCall,
  tokenCall,
  type Registered,
  type TokenAnswer,
} from "../../testing/oauth2-client.ts";
import * as scopesRoute from "../api/am/admin/v4/system-scopes/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

type User = { id: number; username: string; password: string; roleId: number };

describe.each(await databaseKinds())("OAuth2 refusals and the client lifecycle on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let owner: User;
  let other: User;
  let app: Registered;

  const register = async (user: User, body: Record<string, unknown>): Promise<Registered> => {
    const response = await dcr(basic(user.username, user.password), body);
    expect(response.status).toBe(200);
    return (await response.json()) as Registered;
  };
  const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
  const password = (user: User, client: Registered, extra: Record<string, string> = {}) =>
    tokenCall(
      { grant_type: "password", username: user.username, password: user.password, scope: "apim:admin", ...extra },
      clientAuth(client),
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ({ tenantId } = await provision(t.db, testConfig({ apim: { scope_catalog: "4.2" } })));
    useTestApp(t.db);
    owner = await seedUser(t.db, { admin: true });
    other = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    app = await register(owner, { clientName: "errors_app", grantType: "password refresh_token" });
  });
  afterAll(() => t.drop());

  it("answers RFC 6749 errors for bad clients, grants and parameters", async () => {
    const wrongSecret = await tokenCall(
      { grant_type: "password", username: owner.username, password: owner.password },
      clientAuth({ ...app, clientSecret: "nope" }),
    );
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect(await errorOf(wrongSecret)).toBe("invalid_client");

    const noClient = await tokenCall({ grant_type: "password", username: owner.username, password: owner.password });
    expect([400, 401]).toContain(noClient.status);
    expect(await errorOf(noClient)).toBe("invalid_client");

    const unknownGrant = await tokenCall({ grant_type: "urn:example:magic" }, clientAuth(app));
    expect(unknownGrant.status).toBe(400);
    expect(await errorOf(unknownGrant)).toBe("unsupported_grant_type");

    const notRegistered = await tokenCall({ grant_type: "client_credentials" }, clientAuth(app));
    expect(notRegistered.status).toBe(400);
    expect(await errorOf(notRegistered)).toBe("unauthorized_client");

    const wrongPassword = await tokenCall({ grant_type: "password", username: owner.username, password: "wrong" }, clientAuth(app));
    expect(wrongPassword.status).toBe(400);
    expect(await errorOf(wrongPassword)).toBe("invalid_grant");

    const missingUser = await tokenCall({ grant_type: "password", password: "x" }, clientAuth(app));
    expect(await errorOf(missingUser)).toBe("invalid_request");

    const badRefresh = await tokenCall({ grant_type: "refresh_token", refresh_token: "not-a-token" }, clientAuth(app));
    expect(await errorOf(badRefresh)).toBe("invalid_grant");
  });

  // It told "issued to another client" before (issue #15's matrix): a token's existence, to whoever holds a copy.
  it("answers another client's refresh token as an unknown one, and leaves it good for its own client", async () => {
    const second = await register(owner, { clientName: "second_app", grantType: "password refresh_token" });
    const { refresh_token } = (await (await password(owner, app)).json()) as { refresh_token: string };
    const refresh = (token: string, client: Registered) =>
      tokenCall({ grant_type: "refresh_token", refresh_token: token }, clientAuth(client));
    const foreign = await refresh(refresh_token, second);
    expect([foreign.status, await foreign.json()]).toEqual([400, await (await refresh("not-a-token", second)).json()]);
    expect((await refresh(refresh_token, app)).status).toBe(200);
  });

  it("refuses malformed bodies at the edge with invalid_request", async () => {
    const post = (body: string, type = "application/x-www-form-urlencoded") =>
      rawTokenCall(new Request(`${ORIGIN}/oauth2/token`, { method: "POST", headers: { "content-type": type, ...clientAuth(app) }, body }));
    for (const response of [
      await post(JSON.stringify({ grant_type: "password" }), "application/json"),
      await post("grant_type=password&grant_type=client_credentials"),
      await post(`grant_type=password&username=${encodeURIComponent(owner.username)}&password=a%00b`),
      await post(`grant_type=password&scope=${"a".repeat(20_000)}`),
    ]) {
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toBe("invalid_request");
    }
  });

  it("counts password-grant failures toward the account's lockout, like every sign-in", async () => {
    const victim = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    for (let i = 0; i < 5; i++) expect((await password({ ...victim, password: "wrong" }, app)).status).toBe(400);
    expect((await password(victim, app)).status).toBe(400);
    const failures = await t.db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", actorId: victim.id } });
    expect(failures.map((f) => JSON.parse(f.after!).via)).toContain("oauth");
    expect(failures.map((f) => JSON.parse(f.after!).reason)).toContain("locked");
  });

  it("answers 429 temporarily_unavailable with Retry-After when the sign-in rate limit refuses", async () => {
    const holder = globalThis as unknown as { gatehouseConfig?: ReturnType<typeof testConfig> };
    // Counters of their own (key_prefix), so the earlier failures in this file do not count.
    holder.gatehouseConfig = testConfig({ rate_limit: { per_address: 1 }, cache: { key_prefix: `throttle-${kind}` } });
    try {
      expect((await password({ ...other, password: "wrong" }, app)).status).toBe(400);
      const throttled = await password(other, app);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await errorOf(throttled)).toBe("temporarily_unavailable");
    } finally {
      holder.gatehouseConfig = testConfig();
    }
  });

  it("authenticates the client for revoke and introspect, and shows a token only to its own client", async () => {
    const answer = (await (await password(owner, app)).json()) as TokenAnswer;
    const stranger = await register(other, { clientName: "stranger_app" });
    expect((await revokeCall({ token: answer.access_token }, {})).status).toBe(401);
    expect((await revokeCall({}, clientAuth(app))).status).toBe(400);
    expect(await introspectCall({ token: answer.access_token }, clientAuth(stranger))).toEqual({ active: false });
    // Another client cannot revoke it either.
    expect((await revokeCall({ token: answer.access_token }, clientAuth(stranger))).status).toBe(200);
    expect(await introspectCall({ token: answer.access_token }, clientAuth(app))).toMatchObject({ active: true });
  });

  it("refuses DCR without valid credentials, with a bad body, or on someone else's behalf", async () => {
    const post = (authorization: string, body: unknown) => dcr(authorization, body);
    expect((await post(basic(owner.username, "wrong"), { clientName: "x1" })).status).toBe(401);
    expect((await post("Bearer abc", { clientName: "x1" })).status).toBe(401);
    expect((await post(basic(owner.username, owner.password), { clientName: "" })).status).toBe(400);
    expect((await post(basic(owner.username, owner.password), { clientName: "x1", saasApp: "yes" })).status).toBe(400);
    expect((await post(basic(owner.username, owner.password), { clientName: "x1", grantType: "implicit" })).status).toBe(400);
    expect((await post(basic(owner.username, owner.password), { clientName: "x1", owner: other.username })).status).toBe(403);
    expect(await t.db.oAuthClient.count({ where: { name: "x1" } })).toBe(0);
  });

  it("answers a re-registration by the owner with the same client and a new secret; another user's name is a conflict", async () => {
    const again = await register(owner, { clientName: "Errors_App", grantType: "password refresh_token" });
    expect(again.clientId).toBe(app.clientId);
    expect(again.clientSecret).not.toBe(app.clientSecret);
    expect((await password(owner, app)).status).toBe(401);
    app = again;
    expect((await password(owner, app)).status).toBe(200);
    expect((await dcr(basic(other.username, other.password), { clientName: "errors_app" })).status).toBe(409);
    // An Application role of the same name that no client owns is a conflict too.
    const store = await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "Application" } });
    await t.db.role.create({ data: { tenantId, storeId: store.id, name: "taken_role", nameKey: "taken_role" } });
    expect((await dcr(basic(owner.username, owner.password), { clientName: "taken_role" })).status).toBe(409);
  });

  it("deletes a client: only its owner may, its tokens end and its Application role goes", async () => {
    const doomed = await register(other, { clientName: "doomed_app" });
    const answer = (await (
      await tokenCall(
        { grant_type: "password", username: owner.username, password: owner.password, scope: "apim:admin" },
        clientAuth(doomed),
      )
    ).json()) as TokenAnswer;
    const getScopes = () =>
      call(
        scopesRoute.GET,
        "/system-scopes",
        apimRequest("GET", "/system-scopes", { headers: { authorization: `Bearer ${answer.access_token}` } }),
        {},
      );
    expect((await getScopes()).status).toBe(200);
    const outsider = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    expect((await dcrDelete(basic(outsider.username, outsider.password), "applicationName=doomed_app")).status).toBe(404);
    expect((await dcrDelete(basic(other.username, other.password), "")).status).toBe(400);
    expect((await dcrDelete(basic(other.username, other.password), "applicationName=doomed_app")).status).toBe(200);
    expect((await getScopes()).status).toBe(401);
    expect(await t.db.role.count({ where: { tenantId, name: "doomed_app" } })).toBe(0);
    expect(await t.db.oAuthClient.count({ where: { clientId: doomed.clientId } })).toBe(0);
    expect((await tokenCall({ grant_type: "client_credentials" }, clientAuth(doomed))).status).toBe(401);
    expect(await t.db.auditEvent.count({ where: { action: "oauth.client_deleted", targetId: doomed.clientId } })).toBe(1);
  });

  it("deleting a client's owner takes the client and its Application role along", async () => {
    const leaver = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const client = await register(leaver, { clientName: "leaver_app" });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: leaver.id } });
    await deleteUser(t.db, await actorFor(t.db, owner.id), { id: leaver.id, version: row.version });
    expect(await t.db.oAuthClient.count({ where: { clientId: client.clientId } })).toBe(0);
    expect(await t.db.role.count({ where: { tenantId, name: "leaver_app" } })).toBe(0);
  });
});
