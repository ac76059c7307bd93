import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { decide } from "../authz/decide.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { createRoleCommand } from "../roles/commands.ts";
import { createUserCommand } from "../users/commands.ts";
import {
  createTenantCommand,
  deleteTenantCommand,
  deleteTenantConfirmedCommand,
  setTenantActiveCommand,
  updateTenantContactCommand,
} from "./commands.ts";
import { tenantQuery, tenantsPageQuery, tenantsQuery } from "./queries.ts";

const config = testConfig();
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = config;
const PASSWORD = "a perfectly long password";
const form = (domain: string) => ({
  domain,
  adminUsername: "admin",
  password: PASSWORD,
  firstName: "Ada",
  lastName: "Lovelace",
  email: `ada@${domain}`,
});
const run = <I, R>(
  command: { input: { parse: (v: unknown) => I }; run: (db: never, a: Actor, i: I) => Promise<R> },
  db: unknown,
  actor: Actor,
  input: unknown,
) => command.run(db as never, actor, command.input.parse(input));

describe.each(await databaseKinds())("tenant commands on %s", (kind) => {
  let t: TestDatabase;
  let superAdmin: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    superAdmin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
  });
  afterAll(() => t.drop());

  async function tenantAdmin(domain: string): Promise<Actor> {
    const tenant = await t.db.tenant.findUniqueOrThrow({ where: { domain } });
    return actorFor(t.db, (await t.db.user.findFirstOrThrow({ where: { tenantId: tenant.id, username: "admin" } })).id);
  }

  it("provisions a new tenant exactly as the super tenant", async () => {
    const created = await run(createTenantCommand, t.db, superAdmin, form("Acme.com"));
    expect(created.domain).toBe("acme.com");
    const shape = async (tenantId: number) => ({
      stores: (await t.db.userStore.findMany({ where: { tenantId }, orderBy: { domain: "asc" } })).map((s) => `${s.domain}:${s.kind}`),
      roles: (await t.db.role.findMany({ where: { tenantId }, include: { grants: true, store: true }, orderBy: { nameKey: "asc" } })).map(
        (r) =>
          `${r.store.domain}/${r.name}:${r.kind}:${r.grants
            .map((g) => g.permission)
            .sort()
            .join(",")}`,
      ),
      scopes: (
        await t.db.apiScope.findMany({ where: { tenantId }, include: { roles: { include: { role: true } } }, orderBy: { name: "asc" } })
      ).map(
        (s) =>
          `${s.name}=${s.roles
            .map((r) => r.role.name)
            .sort()
            .join(",")}`,
      ),
    });
    const superShape = await shape(await superTenantId(t.db));
    // The super tenant's seeded admin (seedUser) adds no role; its stores and roles are the provisioned ones.
    expect(await shape(created.id)).toEqual(superShape);
    const admin = await tenantAdmin("acme.com");
    expect(admin.isAdmin).toBe(true);
    const claims = await t.db.userClaim.findMany({ where: { userId: admin.userId }, orderBy: { claim: "asc" } });
    expect(claims.map((c) => c.value)).toEqual(["ada@Acme.com", "Ada", "Lovelace"]);
    const audit = await t.db.auditEvent.findMany({ where: { action: "tenant.created" } });
    expect(audit.map((e) => [e.tenantId, e.targetName])).toEqual([[superAdmin.tenantId, "acme.com"]]);
  });

  it("refuses a taken, reserved or malformed domain and a bad admin account", async () => {
    await expect(run(createTenantCommand, t.db, superAdmin, form("acme.com"))).rejects.toMatchObject({ code: "CONFLICT" });
    for (const domain of ["carbon.super", "acme", ".acme.com", "acme.com.", "ac me.com", "acme..com"]) {
      expect(() => createTenantCommand.input.parse(form(domain))).toThrow();
    }
    await expect(run(createTenantCommand, t.db, superAdmin, { ...form("x.org"), adminUsername: "a@b" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(run(createTenantCommand, t.db, superAdmin, { ...form("x.org"), password: "short" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await t.db.tenant.count({ where: { domain: "x.org" } })).toBe(0);
  });

  it("keeps two tenants with the same user and role names side by side, and deletes only one", async () => {
    await run(createTenantCommand, t.db, superAdmin, form("beta.org"));
    for (const domain of ["acme.com", "beta.org"]) {
      const admin = await tenantAdmin(domain);
      const role = await run(createRoleCommand, t.db, admin, { domain: "PRIMARY", name: "editors", permissions: [], userIds: [] });
      await run(createUserCommand, t.db, admin, { domain: "PRIMARY", username: "alice", password: PASSWORD, roleIds: [role.id] });
    }
    const alices = await t.db.user.findMany({ where: { username: "alice" }, include: { memberships: { include: { role: true } } } });
    expect(alices).toHaveLength(2);
    for (const alice of alices) expect(alice.memberships.map((m) => m.role.tenantId)).toEqual([alice.tenantId]);

    const beta = await t.db.tenant.findUniqueOrThrow({ where: { domain: "beta.org" } });
    await expect(run(deleteTenantCommand, t.db, superAdmin, { id: beta.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await run(setTenantActiveCommand, t.db, superAdmin, { id: beta.id, active: false });
    const deleted = await run(deleteTenantCommand, t.db, superAdmin, { id: beta.id });
    expect(deleted).toMatchObject({ domain: "beta.org", users: 2 });
    for (const count of [
      t.db.user.count({ where: { tenantId: beta.id } }),
      t.db.role.count({ where: { tenantId: beta.id } }),
      t.db.apiScope.count({ where: { tenantId: beta.id } }),
      t.db.userStore.count({ where: { tenantId: beta.id } }),
      t.db.auditEvent.count({ where: { tenantId: beta.id } }),
      t.db.setting.count({ where: { key: { endsWith: `.${beta.id}` } } }),
    ]) {
      expect(await count).toBe(0);
    }
    const acme = await t.db.tenant.findUniqueOrThrow({ where: { domain: "acme.com" } });
    expect(await t.db.user.count({ where: { tenantId: acme.id, username: "alice" } })).toBe(1);
    expect(await t.db.role.count({ where: { tenantId: acme.id, name: "editors" } })).toBe(1);
    expect(await t.db.user.count({ where: { tenantId: superAdmin.tenantId, username: "admin" } })).toBe(1);
  });

  it("lists, searches, pages, reads and edits tenants; deactivating ends the tenant's sessions", async () => {
    for (const d of ["c1.net", "c2.net", "c3.net"]) await run(createTenantCommand, t.db, superAdmin, form(d));
    const all = await run(tenantsQuery, t.db, superAdmin, {});
    expect(all.rows.map((r) => r.domain)).toEqual(["acme.com", "c1.net", "c2.net", "c3.net"]);
    expect(all.rows[0]!.owners.map((o) => o.username)).toEqual(["admin"]);
    const page = await run(tenantsQuery, t.db, superAdmin, { q: ".NET", limit: "2" });
    expect([page.rows.map((r) => r.domain), page.total, page.next]).toEqual([["c1.net", "c2.net"], 3, "c2.net"]);
    expect((await run(tenantsQuery, t.db, superAdmin, { q: ".net", after: "c2.net" })).rows.map((r) => r.domain)).toEqual(["c3.net"]);
    expect((await run(tenantsQuery, t.db, superAdmin, { limit: "2", offset: "3" })).rows.map((r) => r.domain)).toEqual(["c3.net"]);

    const c1 = all.rows[1]!;
    await run(updateTenantContactCommand, t.db, superAdmin, { id: c1.id, firstName: "Grace", lastName: "Hopper", email: "g@c1.net" });
    expect(await run(tenantQuery, t.db, superAdmin, { id: c1.id })).toMatchObject({ firstName: "Grace", email: "g@c1.net", active: true });
    await expect(run(tenantQuery, t.db, superAdmin, { id: superAdmin.tenantId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const admin = await tenantAdmin("c1.net");
    await t.db.session.create({
      data: { id: "c1-session", tenantId: c1.id, userId: admin.userId, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await run(setTenantActiveCommand, t.db, superAdmin, { id: c1.id, active: false })).toMatchObject({ sessionsEnded: 1 });
    expect((await t.db.session.findUniqueOrThrow({ where: { id: "c1-session" } })).revokedReason).toBe("tenant deactivated");
    expect((await run(tenantQuery, t.db, superAdmin, { id: c1.id })).active).toBe(false);
  });

  it("refuses every tenant command to an actor outside the super tenant, and to one without the permission", async () => {
    const acmeAdmin = await tenantAdmin("acme.com");
    const acme = await t.db.tenant.findUniqueOrThrow({ where: { domain: "acme.com" } });
    // The tenant's admin role holds "/permission": decide() refuses by the principal's tenant,
    // and each command checks the actor's tenant again (run() here skips decide()).
    expect(decide(acmeAdmin, "tenants.manage")).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(decide(acmeAdmin, "users.list").allowed).toBe(true);
    const attempts = [
      () => run(createTenantCommand, t.db, acmeAdmin, form("evil.com")),
      () => run(setTenantActiveCommand, t.db, acmeAdmin, { id: acme.id, active: false }),
      () => run(updateTenantContactCommand, t.db, acmeAdmin, { id: acme.id, firstName: "x", lastName: "y", email: "x@y.org" }),
      () => run(deleteTenantCommand, t.db, acmeAdmin, { id: acme.id }),
      () => run(deleteTenantConfirmedCommand, t.db, acmeAdmin, { id: acme.id, domain: "acme.com" }),
      () => run(tenantsPageQuery, t.db, acmeAdmin, {}),
      () => run(tenantsQuery, t.db, acmeAdmin, {}),
      () => run(tenantQuery, t.db, acmeAdmin, { id: acme.id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: acme.id } })).active).toBe(true);
    expect(await t.db.tenant.count({ where: { domain: "evil.com" } })).toBe(0);

    const loginOnly = await actorFor(t.db, (await seedUser(t.db, { grants: ["/permission/admin/login"] })).id);
    expect(decide(loginOnly, "tenants.view").allowed).toBe(false);
    const viewer = await actorFor(t.db, (await seedUser(t.db, { grants: ["/permission/protected/manage/monitor/tenants"] })).id);
    expect([decide(viewer, "tenants.view").allowed, decide(viewer, "tenants.manage").allowed]).toEqual([true, false]);
  });

  it("the console's page sorts, searches and pages in the database; its delete needs the typed domain", async () => {
    const domains = async (params: Record<string, string>) =>
      (await run(tenantsPageQuery, t.db, superAdmin, params)).rows.map((r) => r.domain);
    expect(await domains({ sort: "domain", dir: "desc", q: ".net" })).toEqual(["c3.net", "c2.net", "c1.net"]);
    // Inactive first when ascending, then by domain.
    expect(await domains({ sort: "active", q: ".net" })).toEqual(["c1.net", "c2.net", "c3.net"]);
    expect(await domains({ sort: "active", dir: "desc", q: ".net" })).toEqual(["c2.net", "c3.net", "c1.net"]);
    const first = await run(tenantsPageQuery, t.db, superAdmin, { sort: "created", dir: "desc", size: "10", q: ".net" });
    expect([first.rows.map((r) => r.domain), first.total, first.hasNext]).toEqual([["c3.net", "c2.net", "c1.net"], 3, false]);
    const paged = await run(tenantsPageQuery, t.db, superAdmin, { size: "10", page: "2" });
    expect([paged.rows, paged.total, paged.hasNext]).toEqual([[], 4, false]);
    // Malformed URL values fall back to the defaults instead of failing.
    expect(await domains({ sort: "password", dir: "up", page: "-1", size: "7" })).toEqual(["acme.com", "c1.net", "c2.net", "c3.net"]);

    const c1 = await t.db.tenant.findUniqueOrThrow({ where: { domain: "c1.net" } });
    await expect(run(deleteTenantConfirmedCommand, t.db, superAdmin, { id: c1.id, domain: "c2.net" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "domain" },
    });
    const c2 = await t.db.tenant.findUniqueOrThrow({ where: { domain: "c2.net" } });
    await expect(run(deleteTenantConfirmedCommand, t.db, superAdmin, { id: c2.id, domain: "c2.net" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await run(deleteTenantConfirmedCommand, t.db, superAdmin, { id: c1.id, domain: " C1.net " })).toMatchObject({
      domain: "c1.net",
    });
    expect(await t.db.tenant.count({ where: { domain: "c1.net" } })).toBe(0);
  });
});
