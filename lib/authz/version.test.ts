import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { provision } from "../provisioning/provision.ts";
import { readAuthzVersion } from "./version.ts";

describe.each(await databaseKinds())("the authorization version on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
  });
  afterAll(() => t.drop());

  /** Asserts that `change` moves the version (or, with moves = false, leaves it). */
  async function expectBump(change: () => Promise<unknown>, moves = true): Promise<void> {
    const before = await readAuthzVersion(t.db, tenantId);
    await change();
    const after = await readAuthzVersion(t.db, tenantId);
    if (moves) expect(after).toBeGreaterThan(before);
    else expect(after).toBe(before);
  }

  it("exists for every tenant, including ones created later", async () => {
    expect(await readAuthzVersion(t.db, tenantId)).toBeGreaterThan(0);
    const tenant = await t.db.tenant.create({ data: { domain: `t${Date.now()}.example` } });
    expect(await readAuthzVersion(t.db, tenant.id)).toBe(1);
  });

  it("moves with memberships, grants, roles, users, stores, scopes, mappings and aliases", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const role = await t.db.role.findUniqueOrThrow({ where: { id: user.roleId } });
    await expectBump(() => t.db.roleGrant.create({ data: { roleId: role.id, permission: "/permission/admin/monitor" } }));
    await expectBump(() => t.db.roleGrant.deleteMany({ where: { roleId: role.id, permission: "/permission/admin/monitor" } }));
    await expectBump(() => t.db.membership.deleteMany({ where: { userId: user.id } }));
    await expectBump(() => t.db.membership.create({ data: { userId: user.id, roleId: role.id } }));
    await expectBump(() => t.db.role.update({ where: { id: role.id }, data: { name: `${role.name}_x` } }));
    await expectBump(() => t.db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } }));
    await expectBump(() => t.db.user.update({ where: { id: user.id }, data: { username: `${user.username}_x` } }));
    const scope = await t.db.apiScope.create({ data: { tenantId, name: `scope_${Date.now()}` } });
    await expectBump(() => t.db.scopeRole.create({ data: { scopeId: scope.id, roleId: role.id } }));
    await expectBump(() => t.db.scopeRole.deleteMany({ where: { scopeId: scope.id } }));
    await expectBump(() => t.db.apiScope.delete({ where: { id: scope.id } }));
    const other = await seedUser(t.db);
    await expectBump(() => t.db.roleAlias.create({ data: { roleId: role.id, aliasRoleId: other.roleId } }));
    await expectBump(() => t.db.roleAlias.deleteMany({ where: { roleId: role.id } }));
    await expectBump(() => t.db.user.delete({ where: { id: other.id } }));
    await expectBump(() => t.db.role.delete({ where: { id: other.roleId } }));
  });

  it("stays put for sign-in bookkeeping and version-only edits, which decide nothing", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    await expectBump(
      () =>
        t.db.user.update({
          where: { id: user.id },
          data: { failedAttempts: { increment: 1 }, lastAttemptAt: new Date(), version: { increment: 1 } },
        }),
      false,
    );
    await expectBump(() => t.db.role.update({ where: { id: user.roleId }, data: { version: { increment: 1 } } }), false);
  });

  it("moves once for a many-row transaction, and not at all for one rolled back", async () => {
    const user = await seedUser(t.db);
    const roles = await Promise.all([1, 2, 3].map(() => seedUser(t.db)));
    const before = await readAuthzVersion(t.db, tenantId);
    await t.db.$transaction(async (tx) => {
      for (const r of roles) await tx.membership.create({ data: { userId: user.id, roleId: r.roleId } });
    });
    const after = await readAuthzVersion(t.db, tenantId);
    expect(after).toBeGreaterThan(before);
    if (kind === "postgres") expect(after).toBe(before + 1);
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.membership.deleteMany({ where: { userId: user.id } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await readAuthzVersion(t.db, tenantId)).toBe(after);
  });
});
