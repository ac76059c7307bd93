import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createProvisionedDatabase, databaseKinds, type ProvisionedDatabase } from "../../testing/databases.ts";
import { seedUser } from "../../testing/seed.ts";
import { sql } from "../db/sql.ts";
import { readAuthzVersion } from "./version.ts";

describe.each(await databaseKinds())("the authorization version on %s", (kind) => {
  let t: ProvisionedDatabase;
  let tenantId: number;

  beforeAll(async () => {
    t = await createProvisionedDatabase(kind);
    tenantId = t.tenantId;
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

  // Taken mid-transaction, the version row would deadlock this interleaving: the first writer
  // holds it (membership insert) and waits for a user row the second holds, which then waits
  // for the version row. Bumped at commit (deferred triggers), both commit.
  it.runIf(kind === "postgres")("lets crossing writers of memberships and user rows both commit", async () => {
    const [u1, u2, r1, r2] = await Promise.all([1, 2, 3, 4].map(() => seedUser(t.db)));
    let secondHoldsRow!: () => void;
    const rowHeld = new Promise<void>((resolve) => (secondHoldsRow = resolve));
    let firstMayInsert!: () => void;
    const insertAllowed = new Promise<void>((resolve) => (firstMayInsert = resolve));
    const waiting = async () =>
      Number(
        (
          await t.db.$queryRaw<{ n: bigint }[]>(
            sql`SELECT count(*) AS "n" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        )[0]!.n,
      );
    const second = t.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: u2!.id }, data: { version: { increment: 1 } } });
      secondHoldsRow();
      await insertAllowed;
      await tx.membership.create({ data: { userId: u2!.id, roleId: r2!.roleId } });
    });
    const first = t.db.$transaction(async (tx) => {
      await rowHeld;
      await tx.membership.create({ data: { userId: u1!.id, roleId: r1!.roleId } });
      // .then() sends it now: Prisma queries are lazy until awaited.
      const blocked = tx.user.update({ where: { id: u2!.id }, data: { version: { increment: 1 } } }).then(() => undefined);
      await vi.waitFor(async () => expect(await waiting()).toBeGreaterThan(0), { timeout: 10_000 });
      firstMayInsert();
      await blocked;
    });
    await expect(Promise.all([first, second])).resolves.toBeDefined();
  });
});
