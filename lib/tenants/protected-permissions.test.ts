import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { provisionTenant, runCommand, superAdminActor } from "../../testing/tenants.ts";
import { allowedFeatures } from "../authz/decide.ts";
import type { Actor } from "../authz/principal.ts";
import { checkAccessBatch } from "../authz-check/check-access.ts";
import { provision } from "../provisioning/provision.ts";
import { createRoleCommand, previewRolePermissionsCommand, setRolePermissionsCommand } from "../roles/commands.ts";
import { userPermissionsPageQuery } from "../users/queries.ts";

const config = testConfig();
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = config;
const TENANTS = "/permission/protected/manage/modify/tenants";

describe.each(await databaseKinds())("Super Admin Permissions on %s", (kind) => {
  let t: TestDatabase;
  let superAdmin: Actor;
  let tenantAdmin: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    superAdmin = await superAdminActor(t.db);
    tenantAdmin = (await provisionTenant(t.db, superAdmin, "acme.com")).admin;
  });
  afterAll(() => t.drop());

  const role = (actor: Actor, name: string, permissions: string[]) =>
    runCommand(createRoleCommand, t.db, actor, { domain: "PRIMARY", name, permissions, userIds: [] });

  it("a tenant's admin holds the root, yet no protected feature", async () => {
    expect(tenantAdmin.grants).toContain("/permission");
    const features = allowedFeatures(tenantAdmin);
    expect([features.has("tenants.view"), features.has("tenants.manage"), features.has("roles.update")]).toEqual([false, false, true]);
    expect(allowedFeatures(superAdmin).has("tenants.manage")).toBe(true);
  });

  it("refuses a protected grant in a tenant with INVALID_INPUT at every writer, and writes nothing", async () => {
    const editors = await role(tenantAdmin, "editors", ["/permission/admin/login"]);
    const { version } = await t.db.role.findUniqueOrThrow({ where: { id: editors.id } });
    for (const path of [TENANTS, "/permission/protected", "/permission/protected/server-admin"]) {
      const refused = {
        code: "INVALID_INPUT",
        details: { field: "permissions" },
        message: expect.stringContaining("only in the super tenant"),
      };
      await expect(role(tenantAdmin, "protected-role", [path])).rejects.toMatchObject(refused);
      await expect(
        runCommand(setRolePermissionsCommand, t.db, tenantAdmin, { id: editors.id, version, permissions: [path] }),
      ).rejects.toMatchObject(refused);
      await expect(
        runCommand(previewRolePermissionsCommand, t.db, tenantAdmin, { id: editors.id, version, permissions: [path] }),
      ).rejects.toMatchObject(refused);
    }
    expect(await t.db.role.count({ where: { tenantId: tenantAdmin.tenantId, name: "protected-role" } })).toBe(0);
    expect(await t.db.roleGrant.count({ where: { roleId: editors.id, permission: { startsWith: "/permission/protected" } } })).toBe(0);
  });

  it("keeps the root grantable in a tenant, and protected grants in the super tenant", async () => {
    await expect(role(tenantAdmin, "all", ["/permission"])).resolves.toMatchObject({ qualified: "all" });
    await expect(role(superAdmin, "tenant-managers", [TENANTS])).resolves.toMatchObject({ qualified: "tenant-managers" });
  });

  it("lists no protected node among a tenant user's effective permissions, nor answers for one", async () => {
    const page = await runCommand(userPermissionsPageQuery, t.db, tenantAdmin, { id: tenantAdmin.userId, check: TENANTS });
    expect(page.effective.length).toBeGreaterThan(0);
    expect(page.effective.filter((p) => p.path.startsWith("/permission/protected"))).toEqual([]);
    expect(page.answer).toBeNull();
    const own = await runCommand(userPermissionsPageQuery, t.db, superAdmin, { id: superAdmin.userId, check: TENANTS });
    expect(own.answer?.allowed).toBe(true);
  });

  it("answers other apps the same through the decision API: no protected node held in a tenant", async () => {
    const ask = (actor: Actor, permission: string) => ({ user: actor.username, permission });
    const inTenant = await checkAccessBatch(t.db, tenantAdmin.tenantId, [
      ask(tenantAdmin, TENANTS),
      ask(tenantAdmin, "/permission/admin/login"),
    ]);
    expect(inTenant.map((d) => [d.allowed, d.reason.code])).toEqual([
      [false, "not-granted"],
      [true, "granted"],
    ]);
    const [own] = await checkAccessBatch(t.db, superAdmin.tenantId, [ask(superAdmin, TENANTS)]);
    expect(own?.allowed).toBe(true);
  });
});
