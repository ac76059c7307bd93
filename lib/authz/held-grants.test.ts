import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { provision } from "../provisioning/provision.ts";
import { gatehouseRolesOfUsers } from "../user-stores/hybrid-memberships.ts";
import { loadHeldGrants } from "./principal.ts";

// The single-JOIN reads against what Prisma's nested selects answered, on the same rows.
describe.each(await databaseKinds())("held roles and grants in one JOIN on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let ids: number[];
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    const a = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/admin/manage/identity/usermgt/view"] });
    const b = await seedUser(t.db, { grants: [] });
    const c = await seedUser(t.db, { admin: true });
    await t.db.membership.create({ data: { userId: a.id, roleId: b.roleId } });
    const loner = await seedUser(t.db);
    await t.db.membership.deleteMany({ where: { userId: loner.id } });
    ids = [a.id, b.id, c.id, loner.id];
  });
  afterAll(() => t.drop());

  it("loadHeldGrants gives each user the union of their roles' grants, and every asked user an entry", async () => {
    const held = await loadHeldGrants(t.db, tenantId, ids);
    const memberships = await t.db.membership.findMany({
      where: { userId: { in: ids } },
      select: { userId: true, role: { select: { grants: { select: { permission: true } } } } },
    });
    for (const id of ids) {
      const expected = new Set(memberships.filter((m) => m.userId === id).flatMap((m) => m.role.grants.map((g) => g.permission)));
      expect(new Set(held.get(id)), `user ${id}`).toEqual(expected);
    }
    expect(held.get(ids[3]!)).toEqual([]);
    expect(await loadHeldGrants(t.db, tenantId, [])).toEqual(new Map());
    expect((await loadHeldGrants(t.db, tenantId + 1, ids)).get(ids[0]!)).toEqual([]);
  });

  it("gatehouseRolesOfUsers lists roles in id order with their grants, roles without grants too", async () => {
    const roles = await gatehouseRolesOfUsers(t.db, ids);
    const a = roles.get(ids[0]!)!;
    expect(a.map((r) => r.id)).toEqual([...a.map((r) => r.id)].sort((x, y) => x - y));
    expect(a.map((r) => r.grants.length).sort()).toEqual([0, 2]);
    expect(roles.get(ids[2]!)?.[0]).toMatchObject({ kind: "admin", hybrid: false, readOnly: false });
    expect(roles.has(ids[3]!)).toBe(false);
    // Inside a transaction it reads through the transaction: a membership added there is seen.
    const seen = await t.db.$transaction(async (tx) => {
      await tx.membership.create({ data: { userId: ids[3]!, roleId: a[0]!.id } });
      const inside = await gatehouseRolesOfUsers(tx, [ids[3]!]);
      await tx.membership.deleteMany({ where: { userId: ids[3]! } });
      return inside.get(ids[3]!)?.map((r) => r.id);
    });
    expect(seen).toEqual([a[0]!.id]);
  });
});
