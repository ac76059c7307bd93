// WSO2's documented script flow against Gatehouse, end to end on both databases: DCR with a
// user's Basic credentials, the password grant asking for admin scopes, the APIM admin API with
// the Bearer token; and what the Role Permissions page, refresh, revocation and the Sessions
// page do to those tokens.
import * as jose from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInWithPassword } from "../../lib/auth/sign-in.ts";
import { ZPageParams } from "../../lib/paging.ts";
import { provision } from "../../lib/provisioning/provision.ts";
import { listActiveSessions } from "../../lib/sessions/list-sessions.ts";
import { terminateSession } from "../../lib/sessions/terminate-session.ts";
import { resolveSession } from "../../lib/sessions/resolve-session.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { apimRequest, call } from "../../testing/apim-client.ts";
import { sessionCookie, useTestApp } from "../../testing/route-harness.ts";
import { seedUser } from "../../testing/seed.ts";
import {
  basic,
  clientAuth,
  dcr,
  introspectCall,
  jwksCall,
  revokeCall,
  tokenCall,
  type Registered,
  type TokenAnswer,
} from "../../testing/oauth2-client.ts";
import { mgmtLogin } from "../../testing/management-client.ts";
import * as aliasRoute from "../api/am/admin/v4/system-scopes/role-aliases/route.ts";
import * as scopesRoute from "../api/am/admin/v4/system-scopes/route.ts";
import * as tenantConfigRoute from "../api/am/admin/v4/tenant-config/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const APIM_ADMIN = ["/permission/admin/login", "/permission/admin/manage/apim_admin"] as const;

describe.each(await databaseKinds())("the OAuth2 script flow on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: { id: number; username: string; password: string; roleId: number };
  // May manage scopes by the permission tree, but no role of theirs is mapped to a scope.
  let limited: { id: number; username: string; password: string; roleId: number };
  let app: Registered;

  const bearer = (access: string) => ({ headers: { authorization: `Bearer ${access}` } });
  const getScopes = (access: string) => call(scopesRoute.GET, "/system-scopes", apimRequest("GET", "/system-scopes", bearer(access)), {});
  const putScopes = (access: string, body: unknown) =>
    call(scopesRoute.PUT, "/system-scopes", apimRequest("PUT", "/system-scopes", { ...bearer(access), body }), {});
  const passwordGrant = async (
    user: { username: string; password: string },
    scope: string,
    client: Registered = app,
  ): Promise<TokenAnswer> => {
    const response = await tokenCall(
      { grant_type: "password", username: user.username, password: user.password, scope },
      clientAuth(client),
    );
    expect(response.status).toBe(200);
    return (await response.json()) as TokenAnswer;
  };
  const mapRole = (roleId: number, scope: string) =>
    t.db.apiScope.update({ where: { tenantId_name: { tenantId, name: scope } }, data: { roles: { create: { roleId } } } });
  const unmapRole = (roleId: number, scope: string) => t.db.scopeRole.deleteMany({ where: { roleId, scope: { tenantId, name: scope } } });
  const introspect = (token: string) => introspectCall({ token }, clientAuth(app));

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    // APIM 4.x's catalog defines apim:admin and apim:scope_manage (mapped to the admin role).
    ({ tenantId } = await provision(t.db, testConfig({ apim: { scope_catalog: "4.2" } })));
    useTestApp(t.db);
    admin = await seedUser(t.db, { admin: true });
    limited = await seedUser(t.db, { grants: [...APIM_ADMIN] });
    const response = await dcr(basic(admin.username, admin.password), {
      callbackUrl: "www.google.lk",
      clientName: "rest_api_admin",
      owner: admin.username,
      grantType: "client_credentials password refresh_token",
      saasApp: true,
    });
    expect(response.status).toBe(200);
    app = (await response.json()) as Registered;
  });
  afterAll(() => t.drop());

  it("registers a client as WSO2's DCR does, with its Application role given to the registering user", async () => {
    expect(app).toMatchObject({
      clientName: "rest_api_admin",
      callBackURL: "www.google.lk",
      isSaasApplication: true,
      appOwner: admin.username,
    });
    expect(JSON.parse(app.jsonString)).toEqual({
      grant_types: "client_credentials password refresh_token",
      redirect_uris: "www.google.lk",
      client_name: "rest_api_admin",
    });
    const role = await t.db.role.findFirstOrThrow({
      where: { tenantId, name: "rest_api_admin", store: { domain: "Application" } },
      include: { memberships: true },
    });
    expect(role.memberships.map((m) => m.userId)).toEqual([admin.id]);
    const stored = await t.db.oAuthClient.findUniqueOrThrow({ where: { clientId: app.clientId } });
    expect(stored.secretHash).not.toContain(app.clientSecret);
    expect(await t.db.auditEvent.count({ where: { action: "oauth.client_registered", targetId: app.clientId } })).toBe(1);
    // The DCR request's own sign-in session does not outlive it.
    expect(await t.db.session.count({ where: { userId: admin.id, kind: "api", revokedAt: null } })).toBe(0);
  });

  it("issues a token with the scopes the mapping grants, which the APIM admin API accepts for GET and PUT /system-scopes", async () => {
    const answer = await passwordGrant(admin, "apim:admin apim:scope_manage");
    expect(answer).toMatchObject({ token_type: "Bearer", scope: "apim:admin apim:scope_manage" });
    expect(answer.expires_in).toBeGreaterThan(3500);
    expect(answer.expires_in).toBeLessThanOrEqual(3600);
    expect(answer.refresh_token).toEqual(expect.any(String));
    const listed = await getScopes(answer.access_token);
    expect(listed.status).toBe(200);
    const scopes = ((await listed.json()) as { list: { name: string; roles: string[] }[] }).list;
    const apiView = scopes.find((s) => s.name === "apim:api_view")!;
    const put = await putScopes(answer.access_token, { count: 1, list: [{ name: apiView.name, roles: apiView.roles }] });
    expect(put.status).toBe(200);
  });

  it("verifies the token's signature with the published JWKS", async () => {
    const { access_token } = await passwordGrant(admin, "apim:admin");
    const keys = (await (await jwksCall()).json()) as jose.JSONWebKeySet;
    const { payload, protectedHeader } = await jose.jwtVerify(access_token, jose.createLocalJWKSet(keys), { issuer: "gatehouse" });
    expect(keys.keys[0]).not.toHaveProperty("d");
    expect(protectedHeader).toMatchObject({ alg: "ES256", kid: keys.keys[0]!.kid });
    expect(payload).toMatchObject({ sub: admin.username, client_id: app.clientId, scope: "apim:admin" });
  });

  it("gives a user whose roles lack the scopes a token without them, and the API answers 403", async () => {
    const answer = await passwordGrant(limited, "apim:admin apim:scope_manage");
    expect(answer.scope).toBe("default");
    expect((await putScopes(answer.access_token, { count: 0, list: [] })).status).toBe(403);
    expect((await getScopes(answer.access_token)).status).toBe(403);
    // The same user with a console cookie is decided by the permission tree alone.
    const cookie = await sessionCookie(t.db, limited.username, limited.password);
    expect((await call(scopesRoute.GET, "/system-scopes", apimRequest("GET", "/system-scopes", { cookie }), {})).status).toBe(200);
  });

  it("applies a mapping change to the next token, and to introspection and API calls at once", async () => {
    await mapRole(limited.roleId, "apim:scope_manage");
    const granted = await passwordGrant(limited, "apim:admin apim:scope_manage");
    expect(granted.scope).toBe("apim:scope_manage");
    expect(await introspect(granted.access_token)).toMatchObject({
      active: true,
      scope: "apim:scope_manage",
      username: limited.username,
      client_id: app.clientId,
      token_type: "Bearer",
    });
    expect((await getScopes(granted.access_token)).status).toBe(200);

    await unmapRole(limited.roleId, "apim:scope_manage");
    expect(await introspect(granted.access_token)).toMatchObject({ active: true, scope: "default" });
    expect((await getScopes(granted.access_token)).status).toBe(403);
  });

  it("checks each APIM operation's own scopes, and leaves /management tokens to the permission tree", async () => {
    const getAliases = (access: string) =>
      call(aliasRoute.GET, "/system-scopes/role-aliases", apimRequest("GET", "/system-scopes/role-aliases", bearer(access)), {});
    const getTenantConfig = (access: string) =>
      call(tenantConfigRoute.GET, "/tenant-config", apimRequest("GET", "/tenant-config", bearer(access)), {});
    await mapRole(limited.roleId, "apim:scope_manage");
    const scopeOnly = await passwordGrant(limited, "apim:scope_manage apim:role_manage");
    expect(scopeOnly.scope).toBe("apim:scope_manage");
    expect((await getScopes(scopeOnly.access_token)).status).toBe(200);
    expect((await getAliases(scopeOnly.access_token)).status).toBe(403);
    expect((await getTenantConfig(scopeOnly.access_token)).status).toBe(403);
    await mapRole(limited.roleId, "apim:role_manage");
    const both = await passwordGrant(limited, "apim:scope_manage apim:role_manage");
    expect((await getAliases(both.access_token)).status).toBe(200);
    await unmapRole(limited.roleId, "apim:scope_manage");
    await unmapRole(limited.roleId, "apim:role_manage");
    const management = await mgmtLogin(limited.username, limited.password);
    expect((await getTenantConfig(management)).status).toBe(200);
  });

  it("counts a role alias like the role it stands for", async () => {
    const adminRole = await t.db.role.findFirstOrThrow({ where: { tenantId, kind: "admin" } });
    await t.db.roleAlias.create({ data: { roleId: adminRole.id, aliasRoleId: limited.roleId } });
    expect((await passwordGrant(limited, "apim:scope_manage")).scope).toBe("apim:scope_manage");
    await t.db.roleAlias.delete({ where: { roleId_aliasRoleId: { roleId: adminRole.id, aliasRoleId: limited.roleId } } });
  });

  it("rotates refresh tokens, and a reused refresh token ends the whole grant", async () => {
    const first = await passwordGrant(admin, "apim:admin");
    const refreshed = await tokenCall({ grant_type: "refresh_token", refresh_token: first.refresh_token! }, clientAuth(app));
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenAnswer;
    expect(second.scope).toBe("apim:admin");
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await getScopes(first.access_token)).status).toBe(401);
    expect((await getScopes(second.access_token)).status).toBe(200);

    const reused = await tokenCall({ grant_type: "refresh_token", refresh_token: first.refresh_token! }, clientAuth(app));
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant" });
    expect((await getScopes(second.access_token)).status).toBe(401);
    expect(await introspect(second.refresh_token!)).toEqual({ active: false });
  });

  it("revokes through /oauth2/revoke: the token is inactive and refused at once", async () => {
    const answer = await passwordGrant(admin, "apim:admin");
    expect(await introspect(answer.refresh_token!)).toMatchObject({ active: true, token_type: "refresh_token", scope: "apim:admin" });
    expect((await revokeCall({ token: answer.access_token, token_type_hint: "access_token" }, clientAuth(app))).status).toBe(200);
    expect(await introspect(answer.access_token)).toEqual({ active: false });
    expect(await introspect(answer.refresh_token!)).toEqual({ active: false });
    expect((await getScopes(answer.access_token)).status).toBe(401);
    // Unknown tokens are answered the same way.
    expect((await revokeCall({ token: "nonsense" }, clientAuth(app))).status).toBe(200);
    expect(await t.db.auditEvent.count({ where: { action: "oauth.token_revoked" } })).toBe(1);
  });

  it("lists OAuth tokens on the Sessions page with their client and scopes, and terminating one ends the token", async () => {
    const answer = await passwordGrant(admin, "apim:admin apim:scope_manage");
    const page = await listActiveSessions(t.db, tenantId, 15 * 60_000, ZPageParams.parse({ size: 100 }));
    const row = page.rows.find(
      (s) => s.kind === "oauth" && s.user === admin.username && s.oauth?.scopes === "apim:admin apim:scope_manage",
    )!;
    expect(row.oauth).toEqual({ client: "rest_api_admin", scopes: "apim:admin apim:scope_manage" });
    const signedIn = await signInWithPassword(t.db, testConfig(), { username: admin.username, password: admin.password, kind: "console" });
    const principal = signedIn.ok ? await resolveSession(t.db, signedIn.sessionSecret, { idleTimeoutMs: 60_000 }) : null;
    await terminateSession(t.db, principal!, row.id);
    expect((await getScopes(answer.access_token)).status).toBe(401);
    expect(await introspect(answer.access_token)).toEqual({ active: false });
  });

  it("issues client_credentials tokens acting as the client's owner", async () => {
    const response = await tokenCall({ grant_type: "client_credentials", scope: "apim:admin apim:tier_view" }, clientAuth(app));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as TokenAnswer;
    expect(answer.refresh_token).toBeUndefined();
    expect(answer.scope).toBe("apim:admin apim:tier_view");
    expect(await introspect(answer.access_token)).toMatchObject({ active: true, username: admin.username });
    expect((await getScopes(answer.access_token)).status).toBe(200);
  });
});
