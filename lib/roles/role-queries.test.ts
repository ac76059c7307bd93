import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser } from "../../testing/seed.ts";
import { can } from "../authz/decide.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { createRole } from "./create-role.ts";
import { roleMembersPageQuery, rolePageQuery, rolePermissionsPageQuery } from "./queries.ts";

// Counts decisions: a role page decides its own feature once, in its guard, and never again.
vi.mock("../authz/decide.ts", async (original) => {
  const actual = await original<typeof import("../authz/decide.ts")>();
  return { ...actual, can: vi.fn(actual.can) };
});

const ROLE_ADMIN = [
  "/permission/admin/login",
  "/permission/admin/manage/identity/rolemgt",
  "/permission/admin/manage/identity/usermgt",
] as const;

describe.each(await databaseKinds())("role page queries on %s", (kind) => {
  let t: TestDatabase;
  let admin: Actor;
  let roleManager: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    roleManager = await actorFor(t.db, (await seedUser(t.db, { grants: ROLE_ADMIN })).id);
  });
  afterAll(() => t.drop());

  it("computes a role's actions once, without deciding roles.update again", async () => {
    const { id } = await createRole(t.db, admin, { domain: "PRIMARY", name: "editors", permissions: [ROLE_ADMIN[0]], userIds: [] });
    vi.mocked(can).mockClear();
    const { actions } = await rolePermissionsPageQuery.run(t.db, roleManager, { id });
    expect(actions.sort()).toEqual(["assignUsers", "delete", "permissions", "rename", "viewUsers"]);
    const decided = vi.mocked(can).mock.calls.map(([, feature]) => feature);
    expect(decided.filter((f) => f === "roles.update")).toEqual([]);
    expect(new Set(decided).size).toBe(decided.length);
  });

  it("refuses an edit page the role rules refuse, and lists no members of Internal/everyone", async () => {
    const adminRole = await t.db.role.findFirstOrThrow({ where: { kind: "admin" } });
    await expect(rolePermissionsPageQuery.run(t.db, admin, { id: adminRole.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const everyone = await t.db.role.findFirstOrThrow({ where: { kind: "everyone" } });
    const page = await rolePageQuery.run(t.db, admin, { id: everyone.id, q: "" });
    expect(page.members).toBeNull();
    expect(page.blocker).toMatch(/implicitly/);
  });

  it("names the admin account as a member the admin role's editor may not remove", async () => {
    const adminRole = await t.db.role.findFirstOrThrow({ where: { kind: "admin" } });
    const account = await t.db.user.findFirstOrThrow({ where: { username: "admin" } });
    expect((await roleMembersPageQuery.run(t.db, admin, { id: adminRole.id })).protectedIds).toEqual([account.id]);
    const { id } = await createRole(t.db, admin, { domain: "PRIMARY", name: "plain", permissions: [], userIds: [] });
    expect((await roleMembersPageQuery.run(t.db, admin, { id })).protectedIds).toEqual([]);
  });
});
