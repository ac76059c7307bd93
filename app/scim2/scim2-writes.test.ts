// SCIM 2.0 writes through the user commands, on both databases: POST /scim2/Users (Add New User,
// then User Profile's claims) and DELETE /scim2/Users/{id} (Delete User), their rules and audit.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provision } from "../../lib/provisioning/provision.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic } from "../../testing/oauth2-client.ts";
import { callRoute, useTestApp } from "../../testing/route-harness.ts";
import { seedUser } from "../../testing/seed.ts";
import { TENANT_PASSWORD } from "../../testing/tenants.ts";
import { UNUSABLE_PASSWORD } from "../../lib/user-stores/password-hash.ts";
import { createUserCommand } from "../../lib/users/commands.ts";
import * as users from "./Users/route.ts";
import * as user from "./Users/[id]/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
type Json = Record<string, unknown>;

describe.each(await databaseKinds())("%s: SCIM 2.0 writes", (kind) => {
  let t: TestDatabase;
  let admin: { id: number; username: string; password: string };
  let creator: { username: string; password: string };
  let viewer: { username: string; password: string };

  const post = (authorization: string, body: unknown) =>
    callRoute(
      users.POST as never,
      new Request(`${ORIGIN}/scim2/Users`, {
        method: "POST",
        headers: { authorization, "content-type": "application/scim+json" },
        body: JSON.stringify(body),
      }),
      {},
    );
  const del = (authorization: string, id: number | string, headers: Record<string, string> = {}) =>
    callRoute(
      user.DELETE as never,
      new Request(`${ORIGIN}/scim2/Users/${id}`, { method: "DELETE", headers: { authorization, ...headers } }),
      { id: String(id) },
    );
  const exists = async (username: string) => (await t.db.user.count({ where: { username } })) > 0;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    admin = await seedUser(t.db, { admin: true });
    creator = await seedUser(t.db, { grants: ["/permission/admin/manage/identity/usermgt/create"] });
    viewer = await seedUser(t.db, { grants: ["/permission/admin/manage/identity/usermgt/view"] });
  });
  afterAll(() => t.drop());

  it("creates a user with its profile claims through Add New User and User Profile, audited", async () => {
    const answer = await post(basic(admin.username, admin.password), {
      schemas: [CORE],
      userName: "scimkim",
      password: TENANT_PASSWORD,
      name: { givenName: "Kim", familyName: "Jackson" },
      emails: [{ value: "kim@example.com", primary: true }],
      phoneNumbers: [{ value: "+1 555 0101", type: "work" }],
    });
    expect(answer.status, await answer.clone().text()).toBe(201);
    expect(answer.headers.get("content-type")).toBe("application/scim+json");
    const body = (await answer.json()) as Json & { id: string; meta: Json };
    expect(body).toMatchObject({
      userName: "scimkim",
      name: { givenName: "Kim", familyName: "Jackson" },
      emails: [{ value: "kim@example.com", primary: true }],
      phoneNumbers: [{ value: "+1 555 0101", type: "work" }],
      active: true,
    });
    expect(answer.headers.get("location")).toBe(`${ORIGIN}/scim2/Users/${body.id}`);
    expect(answer.headers.get("etag")).toBe(body.meta.version);
    const events = await t.db.auditEvent.findMany({ where: { targetId: body.id }, select: { action: true } });
    expect(events.map((e) => e.action).sort()).toEqual(["user.created", "user.profile_changed"]);
  });

  it("creates a user without a password as import does: unusable hash, must set password; the console still requires one", async () => {
    const answer = await post(basic(admin.username, admin.password), { schemas: [CORE], userName: "nopw" });
    expect(answer.status, await answer.clone().text()).toBe(201);
    const row = await t.db.user.findFirstOrThrow({ where: { username: "nopw" }, select: { passwordHash: true, mustChangePassword: true } });
    expect(row).toEqual({ passwordHash: UNUSABLE_PASSWORD, mustChangePassword: true });
    expect(createUserCommand.input.safeParse({ domain: "PRIMARY", username: "x", roleIds: [] }).success).toBe(false);
    const withPassword = await t.db.user.findFirstOrThrow({ where: { username: "scimkim" }, select: { mustChangePassword: true } });
    expect(withPassword.mustChangePassword).toBe(false);
  });

  it("refuses a taken name (409 uniqueness), a bad password, unknown attributes and invalid claim values", async () => {
    const auth = basic(admin.username, admin.password);
    const taken = await post(auth, { schemas: [CORE], userName: "SCIMKIM", password: TENANT_PASSWORD });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ schemas: [ERROR], status: "409", scimType: "uniqueness" });
    for (const [body, name] of [
      [{ schemas: [CORE], userName: "weakpw", password: "x" }, "weakpw"],
      [{ schemas: [CORE], userName: "imsuser", password: TENANT_PASSWORD, ims: [{ value: "x" }] }, "imsuser"],
      [{ schemas: [CORE], userName: "badwork", password: TENANT_PASSWORD, emails: [{ value: "x", type: "work" }] }, "badwork"],
      [{ schemas: [CORE], userName: "bademail", password: TENANT_PASSWORD, emails: [{ value: "not an address" }] }, "bademail"],
      [{ schemas: ["urn:x"], userName: "noschema", password: TENANT_PASSWORD }, "noschema"],
    ] as const) {
      const answer = await post(auth, body);
      expect(answer.status, name).toBe(400);
      expect(await answer.json()).toMatchObject({ schemas: [ERROR], status: "400" });
      expect(await exists(name)).toBe(false);
    }
  });

  it("decides users.create, and users.profile when the body sets claims; nothing is created when refused", async () => {
    expect(
      (await post(basic(viewer.username, viewer.password), { schemas: [CORE], userName: "byviewer", password: TENANT_PASSWORD })).status,
    ).toBe(403);
    expect(await exists("byviewer")).toBe(false);
    const withClaims = await post(basic(creator.username, creator.password), {
      schemas: [CORE],
      userName: "bycreator",
      password: TENANT_PASSWORD,
      name: { givenName: "No" },
    });
    expect(withClaims.status).toBe(403);
    expect(await exists("bycreator")).toBe(false);
    const plain = await post(basic(creator.username, creator.password), {
      schemas: [CORE],
      userName: "bycreator",
      password: TENANT_PASSWORD,
    });
    expect(plain.status).toBe(201);
  });

  it("deletes through Delete User: If-Match must be current, nobody deletes themselves, audited; then 404", async () => {
    const auth = basic(admin.username, admin.password);
    const created = (await (await post(auth, { schemas: [CORE], userName: "todelete", password: TENANT_PASSWORD })).json()) as {
      id: string;
    };
    const stale = await del(auth, created.id, { "if-match": 'W/"99"' });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ schemas: [ERROR], status: "412" });
    expect((await del(basic(viewer.username, viewer.password), created.id)).status).toBe(403);
    expect((await del(auth, admin.id)).status).toBe(403);
    const done = await del(auth, created.id, { "if-match": 'W/"1"' });
    expect(done.status).toBe(204);
    expect(await exists("todelete")).toBe(false);
    expect(await t.db.auditEvent.count({ where: { targetId: created.id, action: "user.deleted" } })).toBe(1);
    expect((await del(auth, created.id)).status).toBe(404);
    expect((await del(auth, "nope")).status).toBe(404);
  });
});
