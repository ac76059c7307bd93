import { expect, test } from "./support/server.ts";
import { seedAdmin, seedViewer, unique } from "./support/people.ts";
import { scimClient } from "./support/scim-client.ts";

// A SCIM 2.0 client over real HTTP against the production server, on SQLite and PostgreSQL
// (issue #16): the requests WSO2 Identity Server's docs show with curl, Basic on every call.

test("a SCIM client creates, finds, reads with ETags and deletes a user", async ({ server }) => {
  const admin = await seedAdmin(server.db);
  const scim = scimClient(server.url, admin);
  const userName = unique("scim_wire_");

  const created = await scim.post("/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName,
    password: "Scim-wire-password-1",
    name: { givenName: "Kim", familyName: "Jackson" },
    emails: [{ primary: true, value: `${userName}@example.com`, type: "home" }],
  });
  expect(created.status, await created.clone().text()).toBe(201);
  expect(created.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  const user = (await created.json()) as { id: string; meta: { location: string; version: string } };
  expect(created.headers.get("location")).toBe(`${server.url}/scim2/Users/${user.id}`);
  expect(created.headers.get("etag")).toBe(user.meta.version);

  const found = await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${userName}" and emails co "@example.com"`)}`);
  expect(await found.json()).toMatchObject({ totalResults: 1, Resources: [{ id: user.id, name: { givenName: "Kim" } }] });

  const unchanged = await scim.get(`/Users/${user.id}`, { "if-none-match": user.meta.version });
  expect(unchanged.status).toBe(304);

  const stale = await scim.delete(`/Users/${user.id}`, { "if-match": 'W/"999999"' });
  expect(stale.status).toBe(412);
  expect(await stale.json()).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "412" });
  expect((await scim.delete(`/Users/${user.id}`)).status).toBe(204);
  expect((await scim.get(`/Users/${user.id}`)).status).toBe(404);
});

test("a read-only caller's SCIM writes fail with a SCIM 403 and write nothing; no credentials is a 401 challenge", async ({ server }) => {
  const viewer = await seedViewer(server.db);
  const scim = scimClient(server.url, viewer);
  const userName = unique("scim_denied_");
  const refused = await scim.post("/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName,
    password: "Scim-wire-password-1",
  });
  expect(refused.status).toBe(403);
  expect(await refused.json()).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "403" });
  expect(await server.db.user.count({ where: { usernameKey: userName } })).toBe(0);
  expect((await scim.get("/Users?count=1")).status).toBe(200);

  const anonymous = await fetch(`${server.url}/scim2/Users`);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get("www-authenticate")).toContain('Basic realm="scim2"');
});

test("a SCIM client patches a user and provisions a group: create, add and remove members, rename, delete", async ({ server }) => {
  const admin = await seedAdmin(server.db);
  const scim = scimClient(server.url, admin);
  const ids: string[] = [];
  for (const suffix of ["a", "b"]) {
    const created = await scim.post("/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: unique(`scim_m${suffix}_`),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    ids.push(((await created.json()) as { id: string }).id);
  }
  const patched = await scim.patch(`/Users/${ids[0]}`, {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "replace", value: { active: false } }],
  });
  expect(patched.status, await patched.clone().text()).toBe(200);
  expect(await patched.json()).toMatchObject({ id: ids[0], active: false });

  const displayName = unique("scim_group_");
  const group = await scim.post("/Groups", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    displayName,
    members: [{ value: ids[0] }],
  });
  expect(group.status, await group.clone().text()).toBe(201);
  const { id: groupId } = (await group.json()) as { id: string };
  const op = (Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
  expect((await scim.patch(`/Groups/${groupId}`, op([{ op: "add", path: "members", value: [{ value: ids[1] }] }]))).status).toBe(200);
  const removed = await scim.patch(`/Groups/${groupId}`, op([{ op: "remove", path: `members[value eq "${ids[0]}"]` }]));
  expect(await removed.json()).toMatchObject({ displayName, members: [{ value: ids[1] }] });
  const members = await scim.get(`/Users?filter=${encodeURIComponent(`groups eq "${groupId}"`)}`);
  expect(await members.json()).toMatchObject({ totalResults: 1, Resources: [{ id: ids[1] }] });

  const renamed = await scim.patch(`/Groups/${groupId}`, op([{ op: "replace", path: "displayName", value: `${displayName}_x` }]));
  expect(await renamed.json()).toMatchObject({ displayName: `${displayName}_x` });
  expect((await scim.delete(`/Groups/${groupId}`)).status).toBe(204);
  expect((await scim.get(`/Groups/${groupId}`)).status).toBe(404);
});
