import { readMappingVersion } from "../../lib/roles/mapping-version.ts";
import { superTenantId } from "../../testing/seed.ts";
import { expect, statusCounts, test, type Answer } from "./support/instances.ts";

// Issue #9 item 5: each race at 20 in flight, split across two servers on one PostgreSQL
// database. Every answer is a success or the refusal a sequential request would get: no 5xx,
// no lost update, no duplicate row.
const IN_FLIGHT = 20;
const range = (n: number) => [...Array(n).keys()];
type ScopeList = { list: { name: string; roles: string[] }[] };
const noServerErrors = (answers: Answer[]) => expect(answers.filter((a) => a.status >= 500)).toEqual([]);

test.describe("two instances on one PostgreSQL database", () => {
  test("same-name user and role creates: one is added, the rest are 409 'already exists'", async ({ instances: { db, send } }) => {
    const twin = { userId: "twin_user", password: "Twin-user-pass-1" };
    const users = await Promise.all(range(IN_FLIGHT).map((i) => send(i, "POST", "/management/users", twin)));
    noServerErrors(users);
    expect(statusCounts(users)).toEqual({ 200: 1, 409: IN_FLIGHT - 1 });
    expect(users.find((a) => a.status === 409)!.body).toMatch(/already exists/);
    expect(await db.user.count({ where: { username: "twin_user" } })).toBe(1);

    const roles = await Promise.all(range(IN_FLIGHT).map((i) => send(i, "POST", "/management/roles", { role: "twin_role" })));
    noServerErrors(roles);
    expect(statusCounts(roles)).toEqual({ 200: 1, 409: IN_FLIGHT - 1 });
    expect(await db.role.count({ where: { name: "twin_role" } })).toBe(1);
  });

  test("PUT /management/roles edits of one user all apply: no 409, no lost update", async ({ instances: { db, send } }) => {
    const held = range(IN_FLIGHT).map((i) => `held_${i}`);
    const wanted = range(IN_FLIGHT).map((i) => `wanted_${i}`);
    for (const role of [...held, ...wanted]) expect((await send(0, "POST", "/management/roles", { role })).status).toBe(200);
    expect((await send(0, "POST", "/management/users", { userId: "busy_user", password: "Busy-user-pass-1" })).status).toBe(200);
    expect((await send(1, "PUT", "/management/roles", { userId: "busy_user", addedRoles: held, removedRoles: [] })).status).toBe(200);

    // Each edit removes one role and adds two, overlapping its neighbour's additions.
    const edits = range(IN_FLIGHT).map((i) => ({
      userId: "busy_user",
      addedRoles: [wanted[i]!, wanted[(i + 1) % IN_FLIGHT]!],
      removedRoles: [held[i]!],
    }));
    const answers = await Promise.all(edits.map((body, i) => send(i, "PUT", "/management/roles", body)));
    noServerErrors(answers);
    expect(statusCounts(answers)).toEqual({ 200: IN_FLIGHT });
    const rows = await db.membership.findMany({ where: { user: { username: "busy_user" } }, select: { role: { select: { name: true } } } });
    expect(rows.map((m) => m.role.name).sort()).toEqual([...wanted].sort());
  });

  test("assigning roles while they are deleted: 200 or 404, never a 500, no membership left", async ({ instances: { db, send } }) => {
    const pairs = range(IN_FLIGHT / 2).map((i) => ({ role: `doomed_${i}`, user: `assignee_${i}` }));
    for (const { role, user } of pairs) {
      expect((await send(0, "POST", "/management/roles", { role })).status).toBe(200);
      expect((await send(1, "POST", "/management/users", { userId: user, password: "Assignee-pass-1" })).status).toBe(200);
    }
    const answers = await Promise.all(
      pairs.flatMap(({ role, user }, i) => [
        send(i, "DELETE", `/management/roles/${role}`).then((a) => ({ ...a, kind: "delete" })),
        send(i + 1, "PUT", "/management/roles", { userId: user, addedRoles: [role], removedRoles: [] }).then((a) => ({
          ...a,
          kind: "assign",
        })),
      ]),
    );
    noServerErrors(answers);
    expect(answers.filter((a) => a.kind === "delete").map((a) => a.status)).toEqual(pairs.map(() => 200));
    expect(answers.filter((a) => a.kind === "assign" && a.status !== 200 && a.status !== 404)).toEqual([]);
    expect(await db.role.count({ where: { name: { in: pairs.map((p) => p.role) } } })).toBe(0);
    expect(await db.membership.count({ where: { user: { username: { in: pairs.map((p) => p.user) } } } })).toBe(0);
  });

  test("APIM scope PUTs without If-Match all apply whole, one mapping version each", async ({ instances: { db, send } }) => {
    expect((await send(0, "POST", "/management/roles", { role: "mapper" })).status).toBe(200);
    const listed = JSON.parse((await send(0, "GET", "/api/am/admin/v4/system-scopes")).body) as ScopeList;
    const scopes = listed.list.slice(0, IN_FLIGHT);
    const tenantId = await superTenantId(db);
    const before = await readMappingVersion(db, tenantId);
    const answers = await Promise.all(
      scopes.map((s, i) => send(i, "PUT", "/api/am/admin/v4/system-scopes", { list: [{ name: s.name, roles: [...s.roles, "mapper"] }] })),
    );
    noServerErrors(answers);
    expect(statusCounts(answers)).toEqual({ 200: IN_FLIGHT });
    expect(await readMappingVersion(db, tenantId)).toBe(before + IN_FLIGHT);
    const after = JSON.parse((await send(1, "GET", "/api/am/admin/v4/system-scopes")).body) as ScopeList;
    const rolesOf = new Map(after.list.map((s) => [s.name, [...s.roles].sort()]));
    for (const s of scopes) expect(rolesOf.get(s.name)).toEqual([...s.roles, "mapper"].sort());
  });
});
