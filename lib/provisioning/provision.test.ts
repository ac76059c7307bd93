import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { ConfigError } from "../config/load.ts";
import { ADMIN, SCOPE_CATALOG } from "../scopes/catalog.ts";
import { qualifiedName } from "../core/domains.ts";
import { provision } from "./provision.ts";

async function scopeMapping(t: TestDatabase) {
  const scopes = await t.db.apiScope.findMany({ include: { roles: { include: { role: { include: { store: true } } } } } });
  return new Map(scopes.map((s) => [s.name, s.roles.map((r) => qualifiedName(r.role.store.domain, r.role.name)).sort()]));
}

describe.each(await databaseKinds())("provisioning on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t.drop());

  it("creates the tenant, stores, roles, admin and scope catalog on first start", async () => {
    const report = await provision(t.db, testConfig());
    expect(report.created).toContain("tenant carbon.super");
    const roles = await t.db.role.findMany({ include: { store: true, grants: true } });
    const byName = new Map(roles.map((r) => [qualifiedName(r.store.domain, r.name), r]));
    expect([...byName.keys()].sort()).toEqual(
      [
        "admin",
        "Internal/analytics",
        "Internal/creator",
        "Internal/devops",
        "Internal/everyone",
        "Internal/publisher",
        "Internal/subscriber",
        "Internal/system",
      ].sort(),
    );
    expect(byName.get("admin")!.grants.map((g) => g.permission)).toEqual(["/permission"]);
    expect(byName.get("Internal/everyone")!.grants).toEqual([]);
    expect(byName.get("Internal/system")!.grants).toEqual([]);
    expect(
      byName
        .get("Internal/creator")!
        .grants.map((g) => g.permission)
        .sort(),
    ).toEqual([
      "/permission/admin/configure/governance",
      "/permission/admin/login",
      "/permission/admin/manage/api/create",
      "/permission/admin/manage/resources/govern",
    ]);
    const admin = await t.db.user.findFirstOrThrow({ where: { username: "admin" }, include: { memberships: true } });
    expect(admin.mustChangePassword).toBe(true);
    expect(admin.memberships.map((m) => m.roleId)).toEqual([byName.get("admin")!.id]);
    expect(await t.db.membership.count({ where: { roleId: byName.get("Internal/everyone")!.id } })).toBe(0);
  });

  it("maps every scope to exactly its default roles", async () => {
    const expected = new Map(SCOPE_CATALOG.map((s) => [s.name as string, s.roles.map((r) => (r === ADMIN ? "admin" : r)).sort()]));
    expect(await scopeMapping(t)).toEqual(expected);
  });

  it("is idempotent and keeps what admins changed", async () => {
    const creator = await t.db.role.findFirstOrThrow({ where: { name: "creator" } });
    await t.db.roleGrant.deleteMany({ where: { roleId: creator.id, permission: "/permission/admin/configure/governance" } });
    const counts = async () => [
      await t.db.role.count(),
      await t.db.user.count(),
      await t.db.apiScope.count(),
      await t.db.scopeRole.count(),
      await t.db.roleGrant.count(),
    ];
    const before = await counts();
    const report = await provision(t.db, testConfig());
    expect(report.created).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("renames the admin role when admin_role changes, keeping members and scope mappings", async () => {
    const adminRole = await t.db.role.findFirstOrThrow({ where: { kind: "admin" }, include: { memberships: true } });
    const report = await provision(t.db, testConfig({ super_admin: { admin_role: "administrator" } }));
    expect(report.renamedAdminRole).toEqual({ from: "admin", to: "administrator" });
    const renamed = await t.db.role.findUniqueOrThrow({ where: { id: adminRole.id }, include: { memberships: true } });
    expect(renamed.name).toBe("administrator");
    expect(renamed.memberships.map((m) => m.userId)).toEqual(adminRole.memberships.map((m) => m.userId));
    expect((await scopeMapping(t)).get("apim:admin_operations")).toEqual(["administrator"]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "role.renamed" } });
    expect(JSON.parse(audit.before!)).toEqual({ name: "admin" });
    await provision(t.db, testConfig({ super_admin: { admin_role: "admin" } }));
  });

  it("applies the PRIMARY store's name patterns from the config at every start", async () => {
    await provision(t.db, testConfig({ user_store: { username_java_regex: "^[a-z][a-z0-9._-]{2,40}$" } }));
    const primary = await t.db.userStore.findFirstOrThrow({ where: { domain: "PRIMARY" } });
    expect(primary.usernamePattern).toBe("^[a-z][a-z0-9._-]{2,40}$");
    expect(primary.rolePattern).toBe("^[\\S]{3,30}$");
    await provision(t.db, testConfig());
    expect((await t.db.userStore.findFirstOrThrow({ where: { domain: "PRIMARY" } })).usernamePattern).toBe("^[\\S]{3,30}$");
  });

  it("refuses an admin_role that names another existing role", async () => {
    await expect(provision(t.db, testConfig({ super_admin: { admin_role: "Internal/creator" } }))).rejects.toThrow(ConfigError);
    expect((await t.db.role.findFirstOrThrow({ where: { kind: "admin" } })).name).toBe("admin");
  });
});

describe.each(await databaseKinds())("provisioning options on %s", (kind) => {
  it("does not force a password change for a non-default password, and skips the account when asked", async () => {
    const t = await createTestDatabase(kind);
    try {
      await provision(t.db, testConfig({ super_admin: { username: "root", password: "a long operator password" } }));
      expect((await t.db.user.findFirstOrThrow({ where: { username: "root" } })).mustChangePassword).toBe(false);
      await provision(t.db, testConfig({ super_admin: { username: "second", create_admin_account: false } }));
      expect(await t.db.user.count({ where: { username: "second" } })).toBe(0);
    } finally {
      await t.drop();
    }
  });
});
