// THE provisioning run, on both databases: 10,000 users and 500 groups through POST /scim2/Bulk
// in requests of at most 1,000 operations, groups naming users by id (earlier requests) and by
// bulkId (this request, listed before the users they name: IS's order runs users first), with
// failures among them. Every expected row exists exactly once, every failure is answered with its
// status. Users come without passwords (hashing 10,000 would take minutes). No timing asserts;
// the duration is printed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provision } from "../../lib/provisioning/provision.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic } from "../../testing/oauth2-client.ts";
import { callRoute, useTestApp } from "../../testing/route-harness.ts";
import { seedUser } from "../../testing/seed.ts";
import * as bulk from "./Bulk/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const USERS = 10_000;
const GROUPS = 500;
const REQUESTS = 11;
const MEMBERS = 20;
const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
type Op = { method: string; path: string; bulkId?: string; data: Record<string, unknown> };
type Answer = { bulkId?: string; location?: string; status: string };

const userName = (u: number) => `pv_user_${u}`;
const groupName = (g: number) => `pv_group_${g}`;
const slice = (total: number, r: number) => {
  const from = Math.floor((total * r) / REQUESTS);
  return Array.from({ length: Math.floor((total * (r + 1)) / REQUESTS) - from }, (_, i) => from + i);
};

describe.each(await databaseKinds())("%s: SCIM 2.0 bulk provisioning run", (kind) => {
  let t: TestDatabase;
  let authorization: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    const admin = await seedUser(t.db, { admin: true });
    authorization = basic(admin.username, admin.password);
  });
  afterAll(() => t.drop());

  it(`creates ${USERS} users and ${GROUPS} groups, each once, and answers every failure`, { timeout: 1_800_000 }, async () => {
    const started = performance.now();
    const userIds = new Map<number, number>();
    const members = new Map<string, number[]>();
    for (let r = 0; r < REQUESTS; r++) {
      const users = slice(USERS, r);
      const previous = [...userIds.keys()];
      // [operation, the status its answer must carry], users then groups as the answer lists them.
      const userOps: [Op, string][] = users.map((u) => [
        { method: "POST", path: "/Users", bulkId: `u${u}`, data: { schemas: [CORE_USER], userName: userName(u) } },
        "201",
      ]);
      const bad = (name: string, extra: Record<string, unknown>): Op => ({
        method: "POST",
        path: "/Users",
        data: { schemas: [CORE_USER], userName: name, ...extra },
      });
      userOps.splice(100, 0, [bad(userName(users[0]!), {}), "409"]);
      userOps.splice(300, 0, [bad(userName(previous[0] ?? users[1]!), {}), "409"]);
      userOps.splice(500, 0, [bad(`pv_bad_${r}`, { active: false }), "400"]);
      userOps.splice(700, 0, [bad(`pv_bad_email_${r}`, { emails: "not a list" }), "400"]);
      const groupOps: [Op, string][] = slice(GROUPS, r).map((g) => {
        const mine = Array.from({ length: MEMBERS / 2 }, (_, i) => users[(g * 7 + i * 13) % users.length]!);
        const earlier = previous.length
          ? Array.from({ length: MEMBERS / 2 }, (_, i) => previous[(g * 11 + i * 17) % previous.length]!)
          : [];
        const value = [...mine.map((u) => `bulkId:u${u}`), ...earlier.map((u) => String(userIds.get(u)))];
        members.set(
          groupName(g),
          [...new Set([...mine, ...earlier])].sort((a, b) => a - b),
        );
        const data = { schemas: [CORE_GROUP], displayName: groupName(g), members: value.map((v) => ({ value: v })) };
        return [{ method: "POST", path: "/Groups", bulkId: `g${g}`, data }, "201"];
      });
      const group = (name: string, value: string): Op => ({
        method: "POST",
        path: "/Groups",
        data: { schemas: [CORE_GROUP], displayName: name, members: [{ value }] },
      });
      groupOps.splice(10, 0, [group(`pv_ghost_${r}`, "2147483000"), "400"]);
      groupOps.splice(20, 0, [group(`pv_nobody_${r}`, "bulkId:nowhere"), "409"]);
      groupOps.splice(30, 0, [group(groupName(slice(GROUPS, r)[0]!), `bulkId:u${users[0]}`), "409"]);
      const expected = [...userOps, ...groupOps];
      expect(expected.length).toBeLessThanOrEqual(1000);

      // Groups first in the request: IS's order still runs every /Users operation before them.
      const body = {
        schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
        Operations: [...groupOps, ...userOps].map(([op]) => op),
      };
      const answer = await callRoute(
        bulk.POST as never,
        new Request("http://localhost:3000/scim2/Bulk", { method: "POST", headers: { authorization }, body: JSON.stringify(body) }),
        {},
      );
      expect(answer.status).toBe(200);
      const answers = ((await answer.json()) as { Operations: Answer[] }).Operations;
      expect(answers.map((a) => a.status)).toEqual(expected.map(([, status]) => status));
      for (const a of answers) {
        if (a.bulkId?.startsWith("u")) userIds.set(Number(a.bulkId.slice(1)), Number(a.location!.slice(a.location!.lastIndexOf("/") + 1)));
      }
    }
    console.log(`${kind}: provisioning run of ${USERS} users and ${GROUPS} groups took ${Math.round(performance.now() - started)} ms`);

    const names = (await t.db.user.findMany({ where: { username: { startsWith: "pv_" } }, select: { username: true } })).map(
      (u) => u.username,
    );
    expect(names.sort()).toEqual(Array.from({ length: USERS }, (_, u) => userName(u)).sort());
    const roles = await t.db.role.findMany({
      where: { name: { startsWith: "pv_" } },
      select: { name: true, memberCount: true, memberships: { select: { userId: true } } },
    });
    expect(roles.map((g) => g.name).sort()).toEqual([...members.keys()].sort());
    const byId = new Map([...userIds].map(([u, id]) => [id, u]));
    for (const role of roles) {
      const held = role.memberships.map((m) => byId.get(m.userId)!).sort((a, b) => a - b);
      expect(held, role.name).toEqual(members.get(role.name));
      expect(role.memberCount).toBe(held.length);
    }
  });
});
