import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { provision } from "../../lib/provisioning/provision.ts";
import type { TGatehouseConfig } from "../../lib/config/schema.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic, mgmtOpenapi, mgmtRequest } from "../../testing/management-client.ts";
import { useTestApp } from "../../testing/route-harness.ts";
import { seedUser } from "../../testing/seed.ts";
import * as loginRoute from "./login/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const NO_ADMIN = testConfig({ super_admin: { create_admin_account: false } });
const FIRST = "the first admin's passphrase";
const holder = globalThis as unknown as { gatehouseConfig?: TGatehouseConfig };

async function login(username: string, password: string): Promise<Response> {
  const response = await loginRoute.GET(mgmtRequest("GET", "/login", { headers: { authorization: basic(username, password) } }));
  await mgmtOpenapi.assertResponse("/login", "GET", response);
  return response;
}

// Seed 000: with create_admin_account = false the store has no admin, and the first management
// API login creates it. Gatehouse bounds that to the configured [super_admin] username, once.
describe.each(await databaseKinds())("first-login admin bootstrap on %s", (kind) => {
  const dbs: TestDatabase[] = [];
  async function freshInstall(config = NO_ADMIN): Promise<TestDatabase> {
    const t = await createTestDatabase(kind);
    dbs.push(t);
    await provision(t.db, config);
    useTestApp(t.db);
    holder.gatehouseConfig = config;
    return t;
  }
  const admins = (t: TestDatabase) => t.db.membership.count({ where: { role: { kind: "admin" } } });
  afterEach(() => {
    holder.gatehouseConfig = testConfig();
  });
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  it("the first login as [super_admin] username creates that admin, audited; later logins are ordinary", async () => {
    const t = await freshInstall();
    expect(await t.db.user.count()).toBe(0);
    expect((await login("someone_else", FIRST)).status).toBe(401);
    expect((await login("admin", "short")).status).toBe(400);
    expect(await t.db.user.count()).toBe(0);

    const first = await login("admin", FIRST);
    expect(first.status).toBe(200);
    const admin = await t.db.user.findFirstOrThrow({ where: { username: "admin" }, include: { memberships: { include: { role: true } } } });
    expect(admin.memberships.map((m) => m.role.kind)).toEqual(["admin"]);
    expect(admin.mustChangePassword).toBe(false);
    expect(await t.db.auditEvent.count({ where: { action: "user.created", targetName: "admin", actorName: "system" } })).toBe(1);

    // Refused once an admin exists: another password is simply wrong, the right one signs in.
    const again = await login("admin", "a different passphrase");
    expect(again.status).toBe(401);
    expect(again.headers.get("www-authenticate")).toMatch(/^Basic realm="/);
    expect((await login("admin", FIRST)).status).toBe(200);
    expect(await admins(t)).toBe(1);
  });

  it("two concurrent first logins create one admin; the loser gets the sequential answer", async () => {
    const t = await freshInstall();
    const [a, b] = await Promise.all([login("admin", FIRST), login("ADMIN", "another first passphrase")]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    expect(await t.db.user.count()).toBe(1);
    expect(await admins(t)).toBe(1);
  });

  it("never happens while someone holds the admin role, nor when create_admin_account is true", async () => {
    const t = await freshInstall();
    await seedUser(t.db, { admin: true });
    expect((await login("admin", FIRST)).status).toBe(401);
    expect(await t.db.user.count({ where: { username: "admin" } })).toBe(0);

    const provisioned = await freshInstall(testConfig());
    expect((await login("admin", FIRST)).status).toBe(401);
    expect(await provisioned.db.user.count({ where: { username: "admin" } })).toBe(1);
    expect(await provisioned.db.auditEvent.count({ where: { action: "user.created" } })).toBe(0);
  });
});
