// SCIM 2.0 PUT and PATCH on Users, on both databases, through the route handlers: RFC 7644
// 3.5.2's operation forms, PUT's replace semantics, active and password through the account
// commands' rules, If-Match, the decisions taken before any write, and the audit events.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { provision } from "../../lib/provisioning/provision.ts";
import { verifyPassword } from "../../lib/user-stores/password-hash.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic, clientAuth, dcr, tokenCall, type Registered } from "../../testing/oauth2-client.ts";
import { actorFor } from "../../testing/actor.ts";
import { race } from "../../testing/race.ts";
import { scimPatchUserCommand } from "../../lib/scim/user-writes.ts";
import { callRoute, useTestApp } from "../../testing/route-harness.ts";
import { seedUser, superTenantId, TEST_PASSWORD } from "../../testing/seed.ts";
import { TENANT_PASSWORD } from "../../testing/tenants.ts";
import * as users from "./Users/route.ts";
import * as user from "./Users/[id]/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const C = "http://wso2.org/claims";
type Json = Record<string, unknown>;
type Op = { op: string; path?: string; value?: unknown };
type Account = { id: number; username: string; password: string };

describe.each(await databaseKinds())("%s: SCIM 2.0 PUT and PATCH on Users", (kind) => {
  let t: TestDatabase;
  let admin: Account;
  let viewer: Account;
  let profiler: Account;
  let updater: Account;
  let target: { id: string; userName: string };
  const auth = () => basic(admin.username, admin.password);

  const send = (method: "PUT" | "PATCH", authorization: string, id: string | number, body: unknown, headers: Record<string, string> = {}) =>
    callRoute(
      (method === "PUT" ? user.PUT : user.PATCH) as never,
      new Request(`${ORIGIN}/scim2/Users/${id}`, {
        method,
        headers: { authorization, "content-type": "application/scim+json", ...headers },
        body: JSON.stringify(body),
      }),
      { id: String(id) },
    );
  const patch = (authorization: string, id: string | number, ops: Op[], headers: Record<string, string> = {}) =>
    send("PATCH", authorization, id, { schemas: [PATCH_OP], Operations: ops }, headers);
  const put = (authorization: string, id: string | number, body: Json, headers: Record<string, string> = {}) =>
    send("PUT", authorization, id, { schemas: [CORE], ...body }, headers);
  const ok = async (answer: Response) => {
    expect(answer.status, await answer.clone().text()).toBe(200);
    return (await answer.json()) as Json & { meta: { version: string } };
  };
  const claims = async (id: string) =>
    Object.fromEntries(
      (await t.db.userClaim.findMany({ where: { userId: Number(id) }, select: { claim: true, value: true } })).map((c) => [
        c.claim,
        c.value,
      ]),
    );
  const actions = async (id: string | number) =>
    (await t.db.auditEvent.findMany({ where: { targetId: String(id) }, select: { action: true }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
  const create = async (body: Json) => {
    const answer = await callRoute(
      users.POST as never,
      new Request(`${ORIGIN}/scim2/Users`, {
        method: "POST",
        headers: { authorization: auth(), "content-type": "application/scim+json" },
        body: JSON.stringify({ schemas: [CORE], password: TENANT_PASSWORD, ...body }),
      }),
      {},
    );
    expect(answer.status, await answer.clone().text()).toBe(201);
    return (await answer.json()) as { id: string; userName: string };
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    const tenantId = await superTenantId(t.db);
    // A claim SCIM does not map, on the profile: a PUT keeps its value. (The typed emails and the mobile are built-ins.)
    await t.db.claim.create({ data: { tenantId, uri: `${C}/custom`, displayName: "Custom", supportedByDefault: true } });
    admin = await seedUser(t.db, { admin: true });
    viewer = await seedUser(t.db, { grants: ["/permission/admin/manage/identity/usermgt/view"] });
    profiler = await seedUser(t.db, {
      grants: ["/permission/admin/manage/identity/usermgt/view", "/permission/admin/configure/security/usermgt/profiles"],
    });
    updater = await seedUser(t.db, {
      grants: ["/permission/admin/manage/identity/usermgt/view", "/permission/admin/manage/identity/usermgt/update"],
    });
  });
  afterAll(() => t.drop());

  beforeEach(async () => {
    target = await create({
      userName: `bjensen_${Math.random().toString(36).slice(2, 8)}`,
      name: { givenName: "Barbara", familyName: "Jensen" },
      emails: [
        { value: "bjensen@example.com", primary: true },
        { value: "bj@work.example.com", type: "work" },
      ],
    });
  });

  it("PATCH add, replace and remove with paths, value filters and sub-attributes (RFC 7644 3.5.2), audited", async () => {
    const body = await ok(
      await patch(auth(), target.id, [
        { op: "add", path: "emails", value: [{ value: "babs@home.example.com", type: "home" }] },
        { op: "replace", path: 'emails[type eq "work"].value', value: "barbara@work.example.com" },
        { op: "Replace", path: "Name.GivenName", value: "Babs" },
        { op: "remove", path: "name.familyName" },
        { op: "add", path: `${ENTERPRISE}:organization`, value: "Example Inc." },
      ]),
    );
    expect(body).toMatchObject({ name: { givenName: "Babs" }, [ENTERPRISE]: { organization: "Example Inc." } });
    expect(await claims(target.id)).toEqual({
      [`${C}/givenname`]: "Babs",
      [`${C}/emailaddress`]: "bjensen@example.com",
      [`${C}/emails.work`]: "barbara@work.example.com",
      [`${C}/emails.home`]: "babs@home.example.com",
      [`${C}/organization`]: "Example Inc.",
    });
    expect(await actions(target.id)).toEqual(["user.created", "user.profile_changed", "user.profile_changed"]);
    const removed = await ok(await patch(auth(), target.id, [{ op: "remove", path: 'emails[type eq "home"]' }]));
    expect((removed.emails as Json[]).map((e) => e.value)).toEqual(["bjensen@example.com", "barbara@work.example.com"]);
  });

  it("PATCH without a path merges a value object; a filter that selects nothing is 400 noTarget", async () => {
    await ok(
      await patch(auth(), target.id, [
        { op: "add", value: { phoneNumbers: [{ value: "+1 555 0100", type: "mobile" }], name: { familyName: "Jensen-Smith" } } },
        { op: "replace", value: { Name: { GivenName: "Barb", familyName: "Smith" } } },
      ]),
    );
    expect(await claims(target.id)).toMatchObject({
      [`${C}/mobile`]: "+1 555 0100",
      [`${C}/givenname`]: "Barb",
      [`${C}/lastname`]: "Smith",
    });
    const none = await patch(auth(), target.id, [{ op: "replace", path: 'emails[type eq "other"].value', value: "x@example.com" }]);
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ status: "400", scimType: "noTarget" });
  });

  it("PUT replaces: mapped attributes left out are cleared, editable claims SCIM does not map keep their values", async () => {
    await t.db.userClaim.create({ data: { userId: Number(target.id), claim: `${C}/custom`, value: "kept" } });
    const body = await ok(await put(auth(), target.id, { id: "999", userName: target.userName.toUpperCase(), name: { givenName: "B" } }));
    expect(body).toMatchObject({ id: target.id, userName: target.userName, name: { givenName: "B" }, active: true });
    expect(body.emails).toBeUndefined();
    expect(await claims(target.id)).toEqual({ [`${C}/givenname`]: "B", [`${C}/custom`]: "kept" });
  });

  it("active false and true go through Disable and Enable, audited; userName cannot change (400 mutability)", async () => {
    const off = await ok(await patch(auth(), target.id, [{ op: "replace", path: "active", value: false }]));
    expect(off.active).toBe(false);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: Number(target.id) } })).disabledAt).not.toBeNull();
    const on = await ok(await put(auth(), target.id, { userName: target.userName, active: true, name: { givenName: "Barbara" } }));
    expect(on.active).toBe(true);
    expect(await actions(target.id)).toEqual([
      "user.created",
      "user.profile_changed",
      "user.disabled",
      "user.profile_changed",
      "user.enabled",
    ]);
    for (const answer of [
      await put(auth(), target.id, { userName: `${target.userName}x` }),
      await patch(auth(), target.id, [{ op: "replace", path: "userName", value: "someoneelse" }]),
      await put(auth(), target.id, { name: { givenName: "no userName" } }),
    ]) {
      expect(answer.status).toBe(400);
    }
    expect(await (await put(auth(), target.id, { userName: "renamed" })).json()).toMatchObject({ scimType: "mutability" });
  });

  it("password through the admin reset: the new one verifies, audited; the policy applies and a refused password writes nothing", async () => {
    const set = await patch(auth(), target.id, [{ op: "replace", path: "password", value: "a brand new long password" }]);
    const body = await ok(set);
    expect(body.password).toBeUndefined();
    const row = await t.db.user.findUniqueOrThrow({ where: { id: Number(target.id) } });
    expect(await verifyPassword(row.passwordHash, "a brand new long password")).toBe(true);
    expect(row.mustChangePassword).toBe(false);
    expect(await actions(target.id)).toContain("user.password_reset");
    const weak = await put(auth(), target.id, { userName: target.userName, password: "x", name: { givenName: "Changed" } });
    expect(weak.status).toBe(400);
    expect((await claims(target.id))[`${C}/givenname`]).toBe("Barbara");
  });

  it("If-Match naming another version is 412; the current one is taken, and the answer carries the new ETag", async () => {
    const stale = await patch(auth(), target.id, [{ op: "replace", path: "nickName", value: "x" }], { "if-match": 'W/"99"' });
    expect(stale.status).toBe(412);
    expect((await put(auth(), target.id, { userName: target.userName }, { "if-match": 'W/"99"' })).status).toBe(412);
    const current = (await t.db.user.findUniqueOrThrow({ where: { id: Number(target.id) } })).version;
    const answer = await patch(auth(), target.id, [{ op: "replace", path: "name.givenName", value: "Bee" }], {
      "if-match": `W/"${current}"`,
    });
    const body = await ok(answer);
    expect(body.meta.version).toBe(`W/"${current + 1}"`);
    expect(answer.headers.get("etag")).toBe(body.meta.version);
  });

  it("decides each change's feature before any write: 403 leaves every attribute as it was", async () => {
    const given = () => ({ userName: target.userName, name: { givenName: "Nope" } });
    expect((await put(basic(viewer.username, viewer.password), target.id, given())).status).toBe(403);
    // users.profile but not users.password: the claims in the same body are not written either.
    const partial = await put(basic(profiler.username, profiler.password), target.id, {
      ...given(),
      password: "a brand new long password",
    });
    expect(partial.status).toBe(403);
    const disable = await patch(basic(profiler.username, profiler.password), target.id, [{ op: "replace", path: "active", value: false }]);
    expect(disable.status).toBe(403);
    expect((await claims(target.id))[`${C}/givenname`]).toBe("Barbara");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: Number(target.id) } })).disabledAt).toBeNull();
    expect(await actions(target.id)).toEqual(["user.created", "user.profile_changed"]);
    await ok(await put(basic(profiler.username, profiler.password), target.id, { ...given(), emails: [{ value: "b@example.com" }] }));
  });

  it("no escalation: the account rules of Disable and Change Password hold (an admin, another admin's password)", async () => {
    const other = await seedUser(t.db, { admin: true });
    const u = basic(updater.username, updater.password);
    expect((await patch(u, other.id, [{ op: "replace", path: "active", value: false }])).status).toBe(403);
    expect((await patch(u, other.id, [{ op: "replace", path: "name.givenName", value: "Owned" }])).status).toBe(403);
    const password = await patch(auth(), other.id, [{ op: "replace", path: "password", value: "a brand new long password" }]);
    expect(password.status).toBe(403);
    expect((await patch(auth(), admin.id, [{ op: "replace", path: "active", value: false }])).status).toBe(403);
    expect(await actions(other.id)).toEqual([]);
  });

  it("hostile values are 400, never 5xx, and write nothing", async () => {
    for (const ops of [
      [{ op: "replace", path: "name.givenName", value: "x".repeat(5000) }],
      [{ op: "replace", path: "name.givenName", value: 42 }],
      [{ op: "replace", path: "emails", value: [{ value: "not an address", primary: true }] }],
      [{ op: "add", path: "__proto__.polluted", value: "x" }],
      [{ op: "add", path: "constructor.prototype.polluted", value: "x" }],
      [{ op: "replace", path: 'emails[type eq "work" or ]', value: "x" }],
      [{ op: "replace", path: "ims", value: [{ value: "x" }] }],
      [{ op: "replace", path: "active", value: "false" }],
      [{ op: "move", path: "title", value: "x" }],
      [{ op: "replace", path: "name.givenName", value: "nul\u0000byte" }],
    ] as Op[][]) {
      const answer = await patch(auth(), target.id, ops);
      expect(answer.status, JSON.stringify(ops)).toBeGreaterThanOrEqual(400);
      expect(answer.status, JSON.stringify(ops)).toBeLessThan(500);
    }
    expect(({} as Json).polluted).toBeUndefined();
    expect((await claims(target.id))[`${C}/givenname`]).toBe("Barbara");
    expect(await actions(target.id)).toEqual(["user.created", "user.profile_changed"]);
    expect((await put(auth(), "nope", { userName: "x" })).status).toBe(404);
    expect((await patch(auth(), 2_000_000_000, [{ op: "remove", path: "title" }])).status).toBe(404);
  });

  it("concurrent PATCHes without If-Match: each applies whole or is 409, never lost, never a 500", async () => {
    const actor = await actorFor(t.db, admin.id);
    const before = (await t.db.user.findUniqueOrThrow({ where: { id: Number(target.id) } })).version;
    const out = await race(
      Array.from(
        { length: 8 },
        (_, i) => () =>
          scimPatchUserCommand.run(t.db, actor, {
            base: `${ORIGIN}/scim2`,
            id: Number(target.id),
            patch: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "name.givenName", value: `n${i}` }] },
          }),
      ),
    );
    expect(out.failures).toEqual([]);
    expect(out.values.length + (out.refused.STALE_VERSION ?? 0)).toBe(8);
    expect(out.values.length).toBeGreaterThan(0);
    const after = (await t.db.user.findUniqueOrThrow({ where: { id: Number(target.id) } })).version;
    expect(after).toBe(before + out.values.length);
    expect((await actions(target.id)).filter((a) => a === "user.profile_changed")).toHaveLength(1 + out.values.length);
  });

  it("takes an OAuth2 token holding internal_user_mgt_update; one without it is 403", async () => {
    const registered = await dcr(basic(admin.username, TEST_PASSWORD), {
      clientName: `scim_update_${kind}`,
      owner: admin.username,
      grantType: "password",
      saasApp: true,
    });
    const app = (await registered.json()) as Registered;
    const token = async (scope: string) => {
      const answer = await tokenCall({ grant_type: "password", username: admin.username, password: TEST_PASSWORD, scope }, clientAuth(app));
      return `Bearer ${((await answer.json()) as { access_token: string }).access_token}`;
    };
    const op = [{ op: "replace", path: "name.givenName", value: "Scoped" }];
    expect((await patch(await token("internal_user_mgt_view"), target.id, op)).status).toBe(403);
    await ok(await patch(await token("internal_user_mgt_update"), target.id, op));
  });
});
