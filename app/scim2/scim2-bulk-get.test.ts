// GET operations in /scim2/Bulk (IS 7, wso2/product-is#17825) on both databases: a user or group
// read by id or by a bulkId created earlier in the request, the projection from the path's query
// or the data, and each read decided by the single GET route's feature and scope.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PermissionPath } from "../../lib/permissions/tree.ts";
import { provision } from "../../lib/provisioning/provision.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic, passwordGrantTokens } from "../../testing/oauth2-client.ts";
import { useTestApp } from "../../testing/route-harness.ts";
import { newGroup, newUser, ORIGIN, runBulk } from "../../testing/scim-bulk.ts";
import { seedUser } from "../../testing/seed.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

describe.each(await databaseKinds())("%s: SCIM 2.0 bulk reads", (kind) => {
  let t: TestDatabase;
  let admin: { id: number; username: string; password: string };
  let viewer: { username: string; password: string };
  let alice: { id: number; username: string };
  let team: { id: number };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    admin = await seedUser(t.db, { admin: true });
    viewer = await seedUser(t.db, { grants: ["/permission/admin/manage/identity/usermgt/view" as PermissionPath] });
    const made = await runBulk(basic(admin.username, admin.password), [
      newUser("bulk_get_alice", undefined, { name: { givenName: "Alice" } }),
      newGroup("bulk_get_team", undefined, []),
    ]);
    const idOf = (location = "") => Number(location.slice(location.lastIndexOf("/") + 1));
    alice = { id: idOf(made[0]!.location), username: "bulk_get_alice" };
    team = { id: idOf(made[1]!.location) };
  });
  afterAll(() => t.drop());

  it("answers a user's and a group's GET with status 200, location, version and the resource", async () => {
    const answers = await runBulk(basic(admin.username, admin.password), [
      { method: "GET", path: `/Users/${alice.id}` },
      { method: "GET", path: `/Groups/${team.id}` },
    ]);
    expect(answers[0]).toMatchObject({
      method: "GET",
      status: "200",
      location: `${ORIGIN}/scim2/Users/${alice.id}`,
      version: expect.stringMatching(/^W\/"\d+"$/),
      response: { id: String(alice.id), userName: alice.username, name: { givenName: "Alice" } },
    });
    expect(answers[1]).toMatchObject({ status: "200", response: { id: String(team.id), displayName: "bulk_get_team" } });
  });

  it("projects by the path's query or by the data's attributes / excludedAttributes, as IS reads them", async () => {
    const [byQuery, byData, excluded] = await runBulk(basic(admin.username, admin.password), [
      { method: "GET", path: `/Users/${alice.id}?attributes=userName` },
      { method: "GET", path: `/Users/${alice.id}`, data: { attributes: "name.givenName" } },
      { method: "GET", path: `/Users/${alice.id}?excludedAttributes=name,meta` },
    ]);
    expect(Object.keys(byQuery!.response!).sort()).toEqual(["id", "schemas", "userName"]);
    expect(byData!.response).toMatchObject({ id: String(alice.id), name: { givenName: "Alice" } });
    expect(byData!.response).not.toHaveProperty("userName");
    expect(excluded!.response).toMatchObject({ userName: alice.username });
    expect(excluded!.response).not.toHaveProperty("name");
  });

  it("reads what an earlier operation of the same request created, by its bulkId", async () => {
    const answers = await runBulk(basic(admin.username, admin.password), [
      newUser("bulk_get_created_user", "u"),
      { method: "GET", path: "/Users/bulkId:u" },
      newGroup("bulk_get_created", "g", ["bulkId:u"]),
      { method: "GET", path: "/Groups/bulkId:g" },
    ]);
    expect(answers.map((a) => [a.method, a.status])).toEqual([
      ["POST", "201"],
      ["GET", "200"],
      ["POST", "201"],
      ["GET", "200"],
    ]);
    expect(answers[1]!.response).toMatchObject({ userName: "bulk_get_created_user" });
    expect(answers[3]!.response).toMatchObject({ displayName: "bulk_get_created", members: [{ display: "bulk_get_created_user" }] });
  });

  it("answers a missing id 404 and a collection GET 400 invalidPath, per operation", async () => {
    const answers = await runBulk(basic(admin.username, admin.password), [
      { method: "GET", path: "/Users/987654" },
      { method: "GET", path: "/Users" },
      { method: "GET", path: "/Users?filter=userName%20eq%20%22x%22" },
      { method: "GET", path: `/Users/${alice.id}`, data: { attributes: "a,".repeat(3000) } },
      { method: "GET", path: `/Users/${alice.id}` },
    ]);
    expect(answers.map((a) => [a.status, a.response?.scimType ?? null])).toEqual([
      ["404", null],
      ["400", "invalidPath"],
      ["400", "invalidPath"],
      ["400", "invalidSyntax"],
      ["200", null],
    ]);
  });

  it("decides each read by its GET route's feature: a viewer reads users in bulk (no whole refusal), not groups", async () => {
    const answers = await runBulk(basic(viewer.username, viewer.password), [
      { method: "GET", path: `/Users/${alice.id}` },
      { method: "GET", path: `/Groups/${team.id}` },
    ]);
    expect(answers.map((a) => a.status)).toEqual(["200", "403"]);
  });

  it("admits a read by the all-in-one bulk scope or the single GET route's scope, not by a bulk write scope", async () => {
    const token = await passwordGrantTokens(admin, `bulk_get_${kind}`);
    const op = [{ method: "GET", path: `/Users/${alice.id}` }];
    expect((await runBulk(await token("internal_bulk_resource_create"), op))[0]!.status).toBe("200");
    expect((await runBulk(await token("internal_bulk_user_create internal_user_mgt_view"), op))[0]!.status).toBe("200");
    expect((await runBulk(await token("internal_bulk_user_create"), op))[0]!.status).toBe("403");
  });
});
