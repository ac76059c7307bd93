import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { IN_FLIGHT, race, twoInstances } from "../../testing/race.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { provision } from "../provisioning/provision.ts";
import { createRole } from "../roles/create-role.ts";
import { deleteRole } from "../roles/delete-role.ts";
import { renameRole } from "../roles/rename-role.ts";
import { setRoleMembers } from "../roles/set-role-members.ts";
import { bulkAssignRole } from "./bulk-assign-role.ts";
import { createUser } from "./create-user.ts";
import { setUserRoles } from "./set-user-roles.ts";

const range = (n: number) => [...Array(n).keys()];

// Two instances on one database, each write IN_FLIGHT at once: what the issue measured on
// PostgreSQL. SQLite serializes writers, so there these pin down the same answers.
describe.each(await databaseKinds())("concurrent user and role writes on %s", (kind) => {
  let t: TestDatabase;
  let admin: Actor;
  let pick: (i: number) => Db;
  let close: () => Promise<void>;
  let seq = 0;
  const newRoles = (n: number) =>
    Promise.all(range(n).map(() => createRole(t.db, admin, { domain: "PRIMARY", name: `race_${++seq}`, permissions: [], userIds: [] })));
  const newUsers = (n: number) => Promise.all(range(n).map(() => seedUser(t.db, { grants: [] })));
  const membersOf = (roleIds: number[]) =>
    t.db.membership.findMany({ where: { roleId: { in: roleIds } }, select: { userId: true, roleId: true } });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    ({ pick, close } = twoInstances(t.target));
  });
  afterAll(async () => {
    await close();
    await t.drop();
  });

  it("same-name user creates: one succeeds, the others get the sequential 'already exists'", async () => {
    const input = { domain: "PRIMARY", username: `twin_${kind}`, password: TEST_PASSWORD, confirmPassword: TEST_PASSWORD, roleIds: [] };
    const out = await race(range(IN_FLIGHT).map((i) => () => createUser(pick(i), admin, input)));
    expect(out.failures).toEqual([]);
    expect(out.values).toHaveLength(1);
    expect(out.refused).toEqual({ CONFLICT: IN_FLIGHT - 1 });
    expect(await t.db.user.count({ where: { username: input.username } })).toBe(1);
  });

  it("same-name role creates: one succeeds, the others get the sequential 'already exists'", async () => {
    const input = { domain: "PRIMARY", name: `twin_role_${kind}`, permissions: [], userIds: [] };
    const out = await race(range(IN_FLIGHT).map((i) => () => createRole(pick(i), admin, input)));
    expect(out.failures).toEqual([]);
    expect(out.values).toHaveLength(1);
    expect(out.refused).toEqual({ CONFLICT: IN_FLIGHT - 1 });
    expect(await t.db.role.count({ where: { name: input.name } })).toBe(1);
  });

  it("renames of different roles to one name: one succeeds, the others get 'already exists'", async () => {
    const roles = await newRoles(IN_FLIGHT);
    const out = await race(roles.map((r, i) => () => renameRole(pick(i), admin, { id: r.id, version: 1, name: `same_name_${kind}` })));
    expect(out.failures).toEqual([]);
    expect(out.values).toHaveLength(1);
    expect(out.refused).toEqual({ CONFLICT: IN_FLIGHT - 1 });
  });

  it("a user's roles, a role's members and bulk assign give the same memberships at once: all apply, each row once", async () => {
    const users = await newUsers(10);
    const roles = await newRoles(5);
    const [userIds, roleIds] = [users.map((u) => u.id), roles.map((r) => r.id)];
    const jobs = [
      ...users.map(
        (u, i) => () => setUserRoles(pick(i), admin, { id: u.id, version: 1, add: roleIds, remove: [] }).then((r) => r.added.length),
      ),
      ...roles.map((r, i) => () => setRoleMembers(pick(i), admin, { id: r.id, version: 1, add: userIds, remove: [] }).then((x) => x.added)),
      ...roles.map((r, i) => () => bulkAssignRole(pick(i + 1), admin, r.id, userIds).then((x) => x.succeeded)),
    ];
    const out = await race(jobs);
    expect(out.failures).toEqual([]);
    expect(out.refused).toEqual({});
    const rows = await membersOf(roleIds);
    expect(rows).toHaveLength(userIds.length * roleIds.length);
    // Every membership is reported as added by exactly one of the writes that asked for it.
    expect(out.values.reduce((a, b) => a + b, 0)).toBe(rows.length);
  });

  it("assigning roles while they are deleted: each assignment applies or is NOT_FOUND, never a 500", async () => {
    for (let round = 0; round < 3; round++) {
      const users = await newUsers(IN_FLIGHT / 2);
      const roles = await newRoles(IN_FLIGHT / 2);
      const jobs = roles.flatMap((role, i) => [
        () => deleteRole(pick(i), admin, { id: role.id, version: 1 }).then(() => "deleted"),
        i % 2 === 0
          ? () => setUserRoles(pick(i + 1), admin, { id: users[i]!.id, add: [role.id], remove: [] }).then(() => "assigned")
          : () => bulkAssignRole(pick(i + 1), admin, role.id, [users[i]!.id]).then(() => "assigned"),
      ]);
      const out = await race(jobs);
      expect(out.failures).toEqual([]);
      expect(Object.keys(out.refused).filter((code) => code !== "NOT_FOUND")).toEqual([]);
      expect(out.values.filter((v) => v === "deleted")).toHaveLength(roles.length);
      expect(await membersOf(roles.map((r) => r.id))).toEqual([]);
    }
  });

  it("edits naming what to add and remove (the management API's PUT /roles) all apply to one user: no 409, no lost update", async () => {
    const [user] = await newUsers(1);
    const held = await newRoles(IN_FLIGHT);
    const wanted = await newRoles(IN_FLIGHT);
    await setUserRoles(t.db, admin, { id: user!.id, add: held.map((r) => r.id), remove: [] });
    // Each edit removes one role and adds two, overlapping its neighbour's additions.
    const out = await race(
      range(IN_FLIGHT).map(
        (i) => () =>
          setUserRoles(pick(i), admin, { id: user!.id, add: [wanted[i]!.id, wanted[(i + 1) % IN_FLIGHT]!.id], remove: [held[i]!.id] }),
      ),
    );
    expect(out.failures).toEqual([]);
    expect(out.refused).toEqual({});
    const roleIds = (await t.db.membership.findMany({ where: { userId: user!.id }, select: { roleId: true } })).map((m) => m.roleId);
    expect(roleIds.sort((a, b) => a - b)).toEqual([user!.roleId, ...wanted.map((r) => r.id)].sort((a, b) => a - b));
    expect(out.values.flatMap((v) => v.added).sort()).toEqual(wanted.map((r) => r.qualified).sort());
    expect(out.values.flatMap((v) => v.removed).sort()).toEqual(held.map((r) => r.qualified).sort());
  });

  it("the console's editor, which saves a previewed version, still refuses a stale one", async () => {
    const [user] = await newUsers(1);
    const [a, b] = await newRoles(2);
    await setUserRoles(t.db, admin, { id: user!.id, version: 1, add: [a!.id], remove: [] });
    const stale = setUserRoles(t.db, admin, { id: user!.id, version: 1, add: [b!.id], remove: [] });
    await expect(stale).rejects.toMatchObject({ code: "STALE_VERSION" });
  });
});
