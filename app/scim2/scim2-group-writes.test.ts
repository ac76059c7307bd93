// SCIM 2.0 writes on Groups through the role commands, on both databases: POST, PUT, PATCH
// (RFC 7644 3.5.2's member examples, Azure AD's remove list, renames) and DELETE, with the
// role rules (escalation, the admin role), If-Match, uniqueness and the tenant's users only.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provision } from "../../lib/provisioning/provision.ts";
import { usernameColumns } from "../../lib/stores/look-alike.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic, clientAuth, dcr, tokenCall, type Registered } from "../../testing/oauth2-client.ts";
import { callRoute, useTestApp } from "../../testing/route-harness.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { provisionTenant, superAdminActor } from "../../testing/tenants.ts";
import * as groups from "./Groups/route.ts";
import * as group from "./Groups/[id]/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
type Json = Record<string, unknown>;
type Group = { id: string; displayName: string; members?: { value: string }[]; meta: { version: string; location: string } };
type Seeded = { id: number; username: string; password: string; roleId: number };

describe.each(await databaseKinds())("%s: SCIM 2.0 Group writes", (kind) => {
  let t: TestDatabase;
  let admin: Seeded;
  let manager: Seeded;
  let viewer: Seeded;
  let u: Seeded[];
  let auth: string;

  const send = (handler: unknown, method: string, path: string, params: object, body?: unknown, headers: Record<string, string> = {}) =>
    callRoute(
      handler as never,
      new Request(`${ORIGIN}/scim2/Groups${path}`, {
        method,
        headers: { authorization: auth, "content-type": "application/scim+json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      params,
    );
  const post = (body: unknown) => send(groups.POST, "POST", "", {}, body);
  const put = (id: string | number, body: unknown, headers?: Record<string, string>) =>
    send(group.PUT, "PUT", `/${id}`, { id: String(id) }, body, headers);
  const patch = (id: string | number, operations: unknown[], headers?: Record<string, string>) =>
    send(group.PATCH, "PATCH", `/${id}`, { id: String(id) }, { schemas: [PATCH_OP], Operations: operations }, headers);
  const del = (id: string | number, headers?: Record<string, string>) =>
    send(group.DELETE, "DELETE", `/${id}`, { id: String(id) }, undefined, headers);
  const get = async (id: string | number) => (await (await send(group.GET, "GET", `/${id}`, { id: String(id) })).json()) as Group;
  const members = async (roleId: number | string) =>
    (await t.db.membership.findMany({ where: { roleId: Number(roleId) }, select: { userId: true } }))
      .map((m) => m.userId)
      .sort((a, b) => a - b);
  const ok = async (answer: Response, status = 200) => {
    expect(answer.status, await answer.clone().text()).toBe(status);
    return (await answer.json()) as Group;
  };
  const as = (who: Seeded) => (auth = basic(who.username, who.password));
  const newGroup = async (displayName: string, ids: number[] = []) =>
    ok(await post({ schemas: [GROUP], displayName, members: ids.map((value) => ({ value: String(value) })) }), 201);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    admin = await seedUser(t.db, { admin: true });
    manager = await seedUser(t.db, { grants: ["/permission/admin/manage/identity/rolemgt"] });
    viewer = await seedUser(t.db, { grants: ["/permission/admin/manage/identity/rolemgt/view"] });
    u = await Promise.all([0, 1, 2, 3].map(() => seedUser(t.db, { grants: [] })));
  });
  afterAll(() => t.drop());

  it("creates a group with members (PRIMARY and a hybrid Internal/ role): 201, Location, ETag, audited; GET answers the same", async () => {
    as(admin);
    const answer = await post({ schemas: [GROUP], displayName: "tour_guides", members: [{ value: String(u[0]!.id), display: "x" }] });
    const body = await ok(answer, 201);
    expect(body).toMatchObject({ schemas: [GROUP], displayName: "tour_guides", members: [{ value: String(u[0]!.id), type: "User" }] });
    expect(answer.headers.get("location")).toBe(`${ORIGIN}/scim2/Groups/${body.id}`);
    expect(answer.headers.get("etag")).toBe(body.meta.version);
    expect(answer.headers.get("content-type")).toBe("application/scim+json");
    expect(await get(body.id)).toEqual(body);
    expect(await t.db.auditEvent.count({ where: { targetId: body.id, action: "role.created" } })).toBe(1);
    const hybrid = await newGroup("Internal/scim_hybrid");
    expect(hybrid.displayName).toBe("Internal/scim_hybrid");
    const role = await t.db.role.findUniqueOrThrow({ where: { id: Number(hybrid.id) }, include: { store: true, grants: true } });
    expect([role.store.domain, role.grants]).toEqual(["Internal", []]);
  });

  it("refuses a taken or look-alike name (409 uniqueness) and an unknown store (400)", async () => {
    as(admin);
    for (const displayName of ["TOUR_GUIDES", "ｔｏｕｒ_guides", "PRIMARY/tour_guides"]) {
      const answer = await post({ schemas: [GROUP], displayName });
      expect(answer.status, displayName).toBe(409);
      expect(await answer.json()).toMatchObject({ schemas: [ERROR], status: "409", scimType: "uniqueness" });
    }
    expect((await post({ schemas: [GROUP], displayName: "NOSUCHSTORE/x_group" })).status).toBe(400);
  });

  it("refuses hostile displayNames with 400, writing nothing, and stores markup as plain text", async () => {
    as(admin);
    const before = await t.db.role.count();
    for (const displayName of [
      "",
      "ab",
      "a b c",
      "x".repeat(1100),
      "nul\u0000name",
      "bidi\u202Ename",
      "a/b/c",
      "Internal/everyone",
      "../x/y",
    ]) {
      const answer = await post({ schemas: [GROUP], displayName });
      expect(answer.status, JSON.stringify(displayName)).toBe(400);
      expect(await answer.json()).toMatchObject({ schemas: [ERROR], status: "400" });
    }
    expect((await post({ schemas: ["urn:x"], displayName: "no_schema" })).status).toBe(400);
    expect(await t.db.role.count()).toBe(before);
    const markup = await newGroup(`<i>"x'&amp;`);
    expect((await get(markup.id)).displayName).toBe(`<i>"x'&amp;`);
  });

  it("PATCH: RFC 7644 3.5.2.1 add members, again without a duplicate; 3.5.2.2 remove by filter, again without an error", async () => {
    as(admin);
    const g = await newGroup("patch_rfc", [u[0]!.id]);
    const added = await ok(
      await patch(g.id, [
        { op: "add", path: "members", value: [{ display: "Babs", $ref: `${ORIGIN}/scim2/Users/${u[1]!.id}`, value: String(u[1]!.id) }] },
      ]),
    );
    expect(added.members?.map((m) => m.value).sort()).toEqual([u[0]!.id, u[1]!.id].map(String).sort());
    const again = await ok(await patch(g.id, [{ op: "Add", path: "members", value: [{ value: String(u[1]!.id) }] }]));
    expect(await members(g.id)).toEqual([u[0]!.id, u[1]!.id]);
    expect(again.meta.version).toBe(added.meta.version);
    const removed = await ok(await patch(g.id, [{ op: "remove", path: `members[value eq "${u[0]!.id}"]` }]));
    expect(removed.members?.map((m) => m.value)).toEqual([String(u[1]!.id)]);
    const noop = await ok(await patch(g.id, [{ op: "remove", path: `members[value eq "${u[0]!.id}"]` }]));
    expect(await members(g.id)).toEqual([u[1]!.id]);
    expect(noop.meta.version).toBe(removed.meta.version);
    // Written twice (the add, the remove); the repeated add and remove wrote nothing.
    expect(await t.db.auditEvent.count({ where: { targetId: g.id, action: "role.members_changed" } })).toBe(2);
  });

  it("PATCH: Azure AD's remove with a value list, 3.5.2.3 replace members, and remove-all-then-add", async () => {
    as(admin);
    const g = await newGroup("patch_replace", [u[0]!.id, u[1]!.id, u[2]!.id]);
    await ok(await patch(g.id, [{ op: "Remove", path: "members", value: [{ value: String(u[0]!.id) }, { value: String(u[1]!.id) }] }]));
    expect(await members(g.id)).toEqual([u[2]!.id]);
    await ok(await patch(g.id, [{ op: "replace", path: "members", value: [{ value: String(u[0]!.id) }, { value: String(u[3]!.id) }] }]));
    expect(await members(g.id)).toEqual([u[0]!.id, u[3]!.id]);
    const after = await ok(
      await patch(g.id, [
        { op: "remove", path: "members" },
        { op: "add", path: "members", value: [{ value: String(u[1]!.id) }] },
      ]),
    );
    expect(after.members?.map((m) => m.value)).toEqual([String(u[1]!.id)]);
    expect(await members(g.id)).toEqual([u[1]!.id]);
    // A member filter other than `value eq`: scim-patch over the whole group, then the same set-based write.
    await ok(await patch(g.id, [{ op: "remove", path: `members[display eq "${u[1]!.username}"]` }]));
    expect(await members(g.id)).toEqual([]);
  });

  it("PATCH renames (replace displayName, and a no-path replace), audited; another store's prefix is refused", async () => {
    as(admin);
    const g = await newGroup("to_rename");
    expect((await ok(await patch(g.id, [{ op: "replace", path: "displayName", value: "renamed_once" }]))).displayName).toBe("renamed_once");
    const twice = await ok(
      await patch(g.id, [{ op: "replace", value: { displayName: "renamed_twice", members: [{ value: String(u[0]!.id) }] } }]),
    );
    expect(twice).toMatchObject({ displayName: "renamed_twice", members: [{ value: String(u[0]!.id) }] });
    expect(await get(g.id)).toEqual(twice);
    expect(await t.db.auditEvent.count({ where: { targetId: g.id, action: "role.renamed" } })).toBe(2);
    const moved = await patch(g.id, [{ op: "replace", path: "displayName", value: "Internal/moved" }]);
    expect(moved.status).toBe(400);
    expect(await moved.json()).toMatchObject({ scimType: "mutability" });
    expect((await patch(g.id, [{ op: "replace", path: "id", value: "5" }])).status).toBe(400);
    expect((await get(g.id)).displayName).toBe("renamed_twice");
  });

  it("PUT renames and replaces the member list; If-Match naming another version is 412 and changes nothing", async () => {
    as(admin);
    const g = await newGroup("put_group", [u[0]!.id, u[1]!.id]);
    const stale = await put(g.id, { schemas: [GROUP], displayName: "put_stale", members: [] }, { "if-match": 'W/"99"' });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ schemas: [ERROR], status: "412" });
    expect(await get(g.id)).toEqual(g);
    const done = await ok(
      await put(
        g.id,
        { schemas: [GROUP], displayName: "put_renamed", members: [{ value: String(u[2]!.id) }] },
        { "if-match": g.meta.version },
      ),
    );
    expect(done).toMatchObject({ displayName: "put_renamed", members: [{ value: String(u[2]!.id) }] });
    expect(await members(g.id)).toEqual([u[2]!.id]);
    // One transaction: a refused member list leaves the name as it was.
    expect((await put(g.id, { schemas: [GROUP], displayName: "put_again", members: [{ value: "999999999" }] })).status).toBe(400);
    expect((await get(g.id)).displayName).toBe("put_renamed");
    expect(
      (await patch(g.id, [{ op: "add", path: "members", value: [{ value: String(u[0]!.id) }] }], { "if-match": g.meta.version })).status,
    ).toBe(412);
  });

  it("refuses unknown ids and another tenant's users with 400 naming them, writing nothing", async () => {
    as(admin);
    const { tenantId } = await provisionTenant(t.db, await superAdminActor(t.db), "groups-other.example");
    const foreign = await t.db.user.findFirstOrThrow({ where: { tenantId } });
    const g = await newGroup("tenant_only", [u[0]!.id]);
    for (const value of [String(foreign.id), "999999999", "not-a-number"]) {
      const answer = await patch(g.id, [
        { op: "add", path: "members", value: [{ value: String(u[1]!.id) }, { value }] },
        { op: "replace", path: "displayName", value: "tenant_changed" },
      ]);
      expect(answer.status).toBe(400);
      const error = (await answer.json()) as Json;
      expect(error).toMatchObject({ scimType: "invalidValue" });
      expect(error.detail).toContain(value);
    }
    expect(await get(g.id)).toEqual(g);
    expect((await post({ schemas: [GROUP], displayName: "foreign_members", members: [{ value: String(foreign.id) }] })).status).toBe(400);
    expect(await t.db.role.count({ where: { name: "foreign_members" } })).toBe(0);
  });

  it("refuses escalation: an actor lacking a permission the role carries cannot change its members; the admin role is the admin's", async () => {
    const carrier = await seedUser(t.db, { grants: ["/permission/admin/manage/identity/usermgt/delete"] });
    as(manager);
    const add = [{ op: "add", path: "members", value: [{ value: String(u[0]!.id) }] }];
    expect((await patch(carrier.roleId, add)).status).toBe(403);
    expect(await members(carrier.roleId)).toEqual([carrier.id]);
    const plain = await newGroup("managed_group");
    await ok(await patch(plain.id, add));
    const adminRole = await t.db.role.findFirstOrThrow({ where: { kind: "admin", tenantId: await superTenantId(t.db) } });
    expect((await patch(adminRole.id, add)).status).toBe(403);
    as(admin);
    expect((await del(adminRole.id)).status).toBe(403);
    expect((await patch(adminRole.id, [{ op: "replace", path: "displayName", value: "not_admin" }])).status).toBe(403);
    as(viewer);
    expect((await patch(plain.id, add)).status).toBe(403);
    expect((await post({ schemas: [GROUP], displayName: "by_viewer" })).status).toBe(403);
  });

  it("takes OAuth2 tokens holding IS's internal_group_mgt_create, _update and _delete scopes, each for its own write", async () => {
    const registered = await dcr(basic(admin.username, admin.password), {
      clientName: `scim_groups_${kind}`,
      owner: admin.username,
      grantType: "password",
      saasApp: true,
    });
    const app = (await registered.json()) as Registered;
    const token = async (scope: string) => {
      const answer = await tokenCall(
        { grant_type: "password", username: admin.username, password: admin.password, scope },
        clientAuth(app),
      );
      return `Bearer ${((await answer.json()) as { access_token: string }).access_token}`;
    };
    const create = await token("internal_group_mgt_create");
    const update = await token("internal_group_mgt_update");
    const remove = await token("internal_group_mgt_delete");
    auth = update;
    expect((await post({ schemas: [GROUP], displayName: "by_token" })).status).toBe(403);
    auth = create;
    const g = await ok(await post({ schemas: [GROUP], displayName: "by_token" }), 201);
    expect((await del(g.id)).status).toBe(403);
    auth = update;
    await ok(await patch(g.id, [{ op: "add", path: "members", value: [{ value: String(u[0]!.id) }] }]));
    auth = remove;
    expect((await patch(g.id, [{ op: "remove", path: "members" }])).status).toBe(403);
    expect((await del(g.id)).status).toBe(204);
  });

  it("deletes through Delete Role: If-Match must be current, audited; then 404", async () => {
    as(admin);
    const g = await newGroup("to_delete", [u[0]!.id]);
    expect((await del(g.id, { "if-match": 'W/"99"' })).status).toBe(412);
    as(viewer);
    expect((await del(g.id)).status).toBe(403);
    as(admin);
    expect((await del(g.id, { "if-match": g.meta.version })).status).toBe(204);
    expect(await t.db.role.count({ where: { id: Number(g.id) } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { targetId: g.id, action: "role.deleted" } })).toBe(1);
    expect((await del(g.id)).status).toBe(404);
    expect((await patch(g.id, [{ op: "replace", path: "displayName", value: "gone_now" }])).status).toBe(404);
    expect((await del("nope")).status).toBe(404);
  });

  it("adds 5,000 members in one PATCH, then removes one by filter", async () => {
    as(admin);
    const tenantId = await superTenantId(t.db);
    const storeId = (await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } })).id;
    const names = Array.from({ length: 5000 }, (_, i) => `bulk_member_${i}`);
    await t.db.user.createMany({ data: names.map((name) => ({ tenantId, storeId, ...usernameColumns(name), passwordHash: "x" })) });
    const ids = (await t.db.user.findMany({ where: { tenantId, username: { startsWith: "bulk_member_" } }, select: { id: true } })).map(
      (r) => r.id,
    );
    const g = await newGroup("five_thousand", [u[0]!.id]);
    const added = await ok(await patch(g.id, [{ op: "add", path: "members", value: ids.map((id) => ({ value: String(id) })) }]));
    expect(added.members).toHaveLength(5001);
    expect(await t.db.membership.count({ where: { roleId: Number(g.id) } })).toBe(5001);
    expect((await t.db.role.findUniqueOrThrow({ where: { id: Number(g.id) } })).memberCount).toBe(5001);
    await ok(await patch(g.id, [{ op: "remove", path: `members[value eq "${ids[0]}"]` }]));
    expect(await t.db.membership.count({ where: { roleId: Number(g.id) } })).toBe(5000);
  });
});
