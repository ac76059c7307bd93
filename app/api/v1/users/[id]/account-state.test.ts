import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testConfig } from "../../../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../../testing/databases.ts";
import { callRoute, sessionCookie, useTestApp } from "../../../../../testing/route-harness.ts";
import { seedUser } from "../../../../../testing/seed.ts";
import { provision } from "../../../../../lib/provisioning/provision.ts";
import * as disable from "./disable/route.ts";
import * as enable from "./enable/route.ts";
import * as unlock from "./unlock/route.ts";

vi.mock("next/headers", async () => (await import("../../../../../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const LOGIN = "/permission/admin/login";

describe.each(await databaseKinds())("POST /api/v1/users/{id}/disable|enable|unlock on %s", (kind) => {
  let t: TestDatabase;
  let admin: string;
  let viewer: string;
  const post = (route: typeof disable, cookie: string, id: string, body: unknown) =>
    callRoute(
      route.POST,
      new Request(`${ORIGIN}/api/v1/users/${id}/x`, {
        method: "POST",
        headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { id },
    );
  const version = async (id: number) => (await t.db.user.findUniqueOrThrow({ where: { id } })).version;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    const a = await seedUser(t.db, { admin: true });
    admin = await sessionCookie(t.db, a.username, a.password);
    const v = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/manage/identity/usermgt/view"] });
    viewer = await sessionCookie(t.db, v.username, v.password);
  });
  afterAll(() => t.drop());

  it("disables, refuses a stale version, enables and unlocks, each with the console's rules", async () => {
    const user = await seedUser(t.db, { grants: [LOGIN] });
    const v = await version(user.id);
    const disabled = await post(disable, admin, String(user.id), { version: v });
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toEqual({ qualified: user.username, endedSessions: 0, status: "Disabled" });
    expect((await post(disable, admin, String(user.id), { version: v })).status).toBe(409);
    expect((await post(enable, admin, String(user.id), { version: await version(user.id) })).status).toBe(200);
    expect((await post(unlock, admin, String(user.id), { version: await version(user.id) })).status).toBe(403);
    await t.db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    const unlocked = await post(unlock, admin, String(user.id), { version: await version(user.id) });
    expect(await unlocked.json()).toEqual({ qualified: user.username, status: "Unlocked" });
  });

  it("refuses a viewer, a path that names no user, and a malformed body, and writes nothing", async () => {
    const user = await seedUser(t.db, { grants: [LOGIN] });
    const before = await t.db.auditEvent.count();
    expect((await post(disable, viewer, String(user.id), { version: await version(user.id) })).status).toBe(403);
    expect((await post(disable, admin, "abc", { version: 1 })).status).toBe(404);
    expect((await post(disable, admin, "99999999", { version: 1 })).status).toBe(404);
    expect((await post(disable, admin, String(user.id), { version: "1", extra: true })).status).toBe(400);
    expect(await t.db.auditEvent.count()).toBe(before);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
  });
});
