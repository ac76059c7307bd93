import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { race, twoInstances } from "../../testing/race.ts";
import { seedUser } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { provision } from "../provisioning/provision.ts";
import { bulkAssignRole } from "../users/bulk-assign-role.ts";
import { bulkDeleteUsers } from "../users/bulk-delete-users.ts";
import { deleteUser } from "../users/delete-user.ts";
import { setUserRoles } from "../users/set-user-roles.ts";
import { createRole } from "./create-role.ts";
import { deleteRole } from "./delete-role.ts";
import { getRole } from "./get-role.ts";
import { listRoles } from "./list-roles.ts";
import { setRoleMembers } from "./set-role-members.ts";

// Role.memberCount is kept by triggers (migration 0007); every write path below must leave it
// equal to COUNT(*) over the role's memberships, for every role, on both databases.
describe.each(await databaseKinds())("maintained member counts on %s", (kind) => {
  let t: TestDatabase;
  let admin: Actor;
  let tenantId: number;
  let seq = 0;
  const newRole = async (userIds: number[] = []) =>
    createRole(t.db, admin, { domain: "PRIMARY", name: `counted_${++seq}`, permissions: [], userIds });
  const newUsers = (n: number) => Promise.all([...Array(n).keys()].map(() => seedUser(t.db, { grants: [] })));
  const version = async (roleId: number) => (await t.db.role.findUniqueOrThrow({ where: { id: roleId } })).version;

  /** Every role's counter against a fresh COUNT(*): the invariant, not just the role at hand. */
  async function expectCountsExact(): Promise<void> {
    const roles = await t.db.role.findMany({ select: { id: true, memberCount: true, _count: { select: { memberships: true } } } });
    expect(roles.filter((r) => r.memberCount !== r._count.memberships)).toEqual([]);
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = (await t.db.tenant.findFirstOrThrow()).id;
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
  });
  afterAll(() => t.drop());

  it("counts members added and removed one role at a time, and the role page and list read the counter", async () => {
    const users = await newUsers(4);
    const role = await newRole([users[0]!.id]);
    expect((await getRole(t.db, tenantId, role.id)).memberCount).toBe(1);
    await setRoleMembers(t.db, admin, { id: role.id, version: await version(role.id), add: users.slice(1).map((u) => u.id), remove: [] });
    expect((await getRole(t.db, tenantId, role.id)).memberCount).toBe(4);
    await setRoleMembers(t.db, admin, { id: role.id, version: await version(role.id), add: [], remove: [users[0]!.id, users[1]!.id] });
    expect((await getRole(t.db, tenantId, role.id)).memberCount).toBe(2);
    const listed = await listRoles(t.db, tenantId, { pattern: `counted_${seq}`, dir: "asc", size: 10 });
    expect(listed.rows.map((r) => r.memberCount)).toEqual([2]);
    await expectCountsExact();
  });

  it("counts bulk assignment (skipping members already there) and a user's role edits", async () => {
    const users = await newUsers(5);
    const role = await newRole([users[0]!.id]);
    const other = await newRole();
    const summary = await bulkAssignRole(
      t.db,
      admin,
      role.id,
      users.map((u) => u.id),
    );
    expect(summary.succeeded).toBe(4);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: users[1]!.id } });
    await setUserRoles(t.db, admin, { id: user.id, version: user.version, add: [other.id], remove: [role.id] });
    expect((await getRole(t.db, tenantId, role.id)).memberCount).toBe(4);
    expect((await getRole(t.db, tenantId, other.id)).memberCount).toBe(1);
    await expectCountsExact();
  });

  it("drops the count when users are deleted (memberships go by ON DELETE CASCADE), one or in bulk", async () => {
    const users = await newUsers(4);
    const role = await newRole(users.map((u) => u.id));
    const first = await t.db.user.findUniqueOrThrow({ where: { id: users[0]!.id } });
    await deleteUser(t.db, admin, { id: first.id, version: first.version });
    expect((await getRole(t.db, tenantId, role.id)).memberCount).toBe(3);
    await bulkDeleteUsers(t.db, admin, [users[1]!.id, users[2]!.id]);
    expect((await getRole(t.db, tenantId, role.id)).memberCount).toBe(1);
    await expectCountsExact();
  });

  it("stays exact when a role with members is deleted (its memberships cascade) and the members' other roles keep theirs", async () => {
    const users = await newUsers(3);
    const doomed = await newRole(users.map((u) => u.id));
    const kept = await newRole(users.map((u) => u.id));
    await deleteRole(t.db, admin, { id: doomed.id, version: await version(doomed.id) });
    expect(await t.db.role.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect((await getRole(t.db, tenantId, kept.id)).memberCount).toBe(3);
    await expectCountsExact();
  });

  it("counts a member once when two instances add the same member at the same moment", async () => {
    const { pick, close } = twoInstances(t.target);
    try {
      const [user] = await newUsers(1);
      const role = await newRole();
      const add = (c: Db) => () => bulkAssignRole(c, admin, role.id, [user!.id]).then((s) => s.succeeded);
      const out = await race([add(pick(0)), add(pick(1))]);
      expect(out.failures).toEqual([]);
      expect(out.values.sort()).toEqual([0, 1]);
      expect((await getRole(t.db, tenantId, role.id)).memberCount).toBe(1);
      await expectCountsExact();
    } finally {
      await close();
    }
  });

  it("counts raw membership rows written outside the app's paths (the trigger, not the code, keeps the count)", async () => {
    const users = await newUsers(3);
    const role = await newRole();
    await t.db.membership.createMany({ data: users.map((u) => ({ userId: u.id, roleId: role.id })) });
    await t.db.membership.deleteMany({ where: { roleId: role.id, userId: users[0]!.id } });
    expect((await getRole(t.db, tenantId, role.id)).memberCount).toBe(2);
    await expectCountsExact();
  });
});
