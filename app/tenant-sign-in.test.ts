// Sign-in as "name@tenant" through every door (console, /management/login, OAuth2 password and
// client_credentials grants), and what deactivating a tenant does to its users' sessions.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInWithPassword } from "../lib/auth/sign-in.ts";
import { splitTenantName } from "../lib/core/tenant.ts";
import { provision } from "../lib/provisioning/provision.ts";
import { createSession } from "../lib/sessions/create-session.ts";
import { resolveSession } from "../lib/sessions/resolve-session.ts";
import { createTenantCommand, setTenantActiveCommand } from "../lib/tenants/commands.ts";
import { actorFor } from "../testing/actor.ts";
import { testConfig } from "../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../testing/databases.ts";
import { POST as managementLogin } from "./management/login/route.ts";
import { basic as mgmtBasic, mgmtLogin, mgmtOpenapi, mgmtRequest } from "../testing/management-client.ts";
import { basic, clientAuth, dcr, tokenCall, type Registered } from "../testing/oauth2-client.ts";
import { useTestApp } from "../testing/route-harness.ts";
import { seedUser, TEST_PASSWORD } from "../testing/seed.ts";

vi.mock("next/headers", async () => (await import("../testing/route-harness.ts")).nextHeaders);

const PASSWORD = "acme admin's own password";
const POLICY = { idleTimeoutMs: 15 * 60_000 };

describe("splitTenantName follows WSO2's MultitenantUtils", () => {
  it.each([
    ["alice", false, "carbon.super", "alice"],
    ["alice@acme.com", false, "acme.com", "alice"],
    ["Sales/alice@ACME.com", false, "acme.com", "Sales/alice"],
    ["admin@carbon.super", false, "carbon.super", "admin"],
    ["a@b@acme.com", false, "acme.com", "a@b"],
    ["alice@example.com", true, "carbon.super", "alice@example.com"],
    ["alice@example.com@acme.com", true, "acme.com", "alice@example.com"],
    ["alice@", false, "", "alice"],
  ])("%s (email usernames %s) -> %s / %s", (username, email, tenant, name) => {
    expect(splitTenantName(username, email)).toEqual({ tenant, name });
  });
});

describe.each(await databaseKinds())("signing in to a tenant on %s", (kind) => {
  let t: TestDatabase;
  let superTenant: number;
  let acme: number;
  const config = testConfig();
  const signIn = (username: string, password: string, kind: "console" | "api" = "console") =>
    signInWithPassword(t.db, config, { username, password, kind });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    superTenant = (await provision(t.db, config)).tenantId;
    useTestApp(t.db);
    const superAdmin = await actorFor(t.db, (await seedUser(t.db, { admin: true, username: "root" })).id);
    const form = { domain: "acme.com", adminUsername: "root", password: PASSWORD, firstName: "A", lastName: "B", email: "a@acme.com" };
    acme = (await createTenantCommand.run(t.db, superAdmin, createTenantCommand.input.parse(form))).id;
  });
  afterAll(() => t.drop());

  it("takes a bare name to carbon.super, name@carbon.super too, and name@tenant to that tenant", async () => {
    expect(await signIn("root", TEST_PASSWORD)).toMatchObject({ ok: true, tenantId: superTenant });
    expect(await signIn("root@carbon.super", TEST_PASSWORD)).toMatchObject({ ok: true, tenantId: superTenant });
    expect(await signIn("root@acme.com", PASSWORD)).toMatchObject({ ok: true, tenantId: acme });
    expect(await signIn("PRIMARY/root@ACME.COM", PASSWORD)).toMatchObject({ ok: true, tenantId: acme });
    // The same name, the other tenant's password: each tenant checks only its own account.
    expect(await signIn("root@acme.com", TEST_PASSWORD)).toEqual({ ok: false });
    expect(await signIn("root", PASSWORD)).toEqual({ ok: false });
    expect(await signIn("root@nowhere.org", PASSWORD)).toEqual({ ok: false });
    const failed = await t.db.auditEvent.findMany({ where: { tenantId: acme, action: "auth.sign_in_failed" } });
    expect(failed.map((e) => e.actorName)).toEqual(["root@acme.com"]);
  });

  it("reads an email username as WSO2 does with enable_email_domain", async () => {
    const emailConfig = testConfig({ tenant_mgt: { enable_email_domain: true } });
    const bob = await seedUser(t.db, { username: "bob@example.com", grants: ["/permission/admin/login"] });
    expect(await signInWithPassword(t.db, emailConfig, { username: bob.username, password: bob.password, kind: "console" })).toMatchObject({
      ok: true,
      tenantId: superTenant,
    });
    // Without it, the same name means user "bob" of a tenant "example.com", which does not exist.
    expect(await signIn(bob.username, bob.password)).toEqual({ ok: false });
  });

  it("lets the tenant's admin in through /management/login and the OAuth2 grants", async () => {
    expect(await mgmtLogin("root@acme.com", PASSWORD)).toMatch(/^gh1\./);
    // The answer names the tenant the token acts in (the CLI keeps it with the token).
    for (const [username, password, tenant] of [
      ["PRIMARY/root@ACME.COM", PASSWORD, "acme.com"],
      ["root", TEST_PASSWORD, "carbon.super"],
    ]) {
      const answer = await managementLogin(mgmtRequest("POST", "/login", { headers: { authorization: mgmtBasic(username!, password!) } }));
      await mgmtOpenapi.assertResponse("/login", "POST", answer);
      expect(await answer.json()).toMatchObject({ Tenant: tenant });
    }
    const registration = { clientName: "acme_app", grantType: "password client_credentials" };
    // WSO2 names a tenant user's owner "name@tenant"; another tenant's name is not the caller.
    expect((await dcr(basic("root@acme.com", PASSWORD), { ...registration, owner: "root@other.org" })).status).toBe(403);
    const response = await dcr(basic("root@acme.com", PASSWORD), { ...registration, owner: "root@acme.com" });
    expect(response.status).toBe(200);
    const app = (await response.json()) as Registered;
    expect((await t.db.oAuthClient.findUniqueOrThrow({ where: { clientId: app.clientId } })).tenantId).toBe(acme);
    const password = await tokenCall({ grant_type: "password", username: "root@acme.com", password: PASSWORD }, clientAuth(app));
    expect(password.status).toBe(200);
    const client = await tokenCall({ grant_type: "client_credentials" }, clientAuth(app));
    expect(client.status).toBe(200);
    const sessions = await t.db.session.findMany({ where: { tenantId: acme, kind: "oauth", revokedAt: null } });
    expect(sessions).toHaveLength(2);
  });

  it("ends a deactivated tenant's sessions and refuses its users at every door", async () => {
    const opened = await signIn("root@acme.com", PASSWORD);
    if (!opened.ok) throw new Error("sign-in failed");
    expect(await resolveSession(t.db, opened.sessionSecret, POLICY)).toMatchObject({ tenantId: acme });
    const superAdmin = await actorFor(t.db, (await t.db.user.findFirstOrThrow({ where: { tenantId: superTenant, username: "root" } })).id);
    await setTenantActiveCommand.run(t.db, superAdmin, { id: acme, active: false });

    expect(await resolveSession(t.db, opened.sessionSecret, POLICY)).toBeNull();
    expect(await t.db.session.count({ where: { tenantId: acme, revokedAt: null } })).toBe(0);
    // A session opened in the race (after the revocation) ends on its first request.
    const admin = await t.db.user.findFirstOrThrow({ where: { tenantId: acme, username: "root" } });
    const raced = await t.db.$transaction((tx) =>
      createSession(tx, { tenantId: acme, userId: admin.id, kind: "console", lifetimeMs: 60_000 }),
    );
    expect(await resolveSession(t.db, raced.secret, POLICY)).toBeNull();
    expect(
      (await t.db.session.findFirstOrThrow({ where: { tenantId: acme, revokedAt: { not: null }, revokedReason: "tenant deactivated" } }))
        .id,
    ).toBeTruthy();

    expect(await signIn("root@acme.com", PASSWORD)).toEqual({ ok: false });
    await expect(mgmtLogin("root@acme.com", PASSWORD)).rejects.toThrow(/login failed/);
    const app = await t.db.oAuthClient.findFirstOrThrow({ where: { tenantId: acme } });
    expect(app).toBeTruthy();
    const failed = await t.db.auditEvent.findFirstOrThrow({
      where: { tenantId: acme, action: "auth.sign_in_failed" },
      orderBy: { id: "desc" },
    });
    expect(failed.after).toContain("tenant deactivated");
    // The super tenant is untouched.
    expect(await signIn("root", TEST_PASSWORD)).toMatchObject({ ok: true, tenantId: superTenant });
  });
});
