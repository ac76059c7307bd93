/**
 * Issue #15's isolation matrix: an actor of tenant A (and the super tenant's admin, who manages
 * tenants but does not see inside them) against tenant B's objects, by id and by name. Both
 * tenants hold the same user and role names. Every refusal must be the very answer a
 * nonexistent id or name gets (NOT_FOUND, never FORBIDDEN), and lists, counts and searches
 * return none of B's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { provisionTenant, runCommand, superAdminActor, TENANT_PASSWORD } from "../../testing/tenants.ts";
import type { Actor } from "../authz/principal.ts";
import { auditPageQuery } from "../audit/queries.ts";
import { miUserQuery, miUsersQuery } from "../management/queries.ts";
import { assignRolesByNameCommand, miRoleMembersQuery, miRolesQuery } from "../management/role-commands.ts";
import { provision } from "../provisioning/provision.ts";
import {
  createRoleCommand,
  deleteRoleCommand,
  renameRoleCommand,
  setRoleMembersCommand,
  setRolePermissionsCommand,
} from "../roles/commands.ts";
import { roleMembersQuery, rolePageQuery, rolePermissionsPageQuery, rolePickerQuery, rolesPageQuery } from "../roles/queries.ts";
import {
  applyImportCommand,
  checkMappingRoleCommand,
  deleteScopeMappingCommand,
  findMatrixRoleCommand,
  previewImportCommand,
  previewScopeRolesCommand,
  setScopeRolesCommand,
} from "../scopes/commands.ts";
import { editScopeMappingPageQuery, scopeMappingQuery, scopeMappingsPageQuery, tenantConfQuery } from "../scopes/queries.ts";
import { terminateSessionCommand } from "../sessions/commands.ts";
import { sessionsPageQuery } from "../sessions/queries.ts";
import { deleteStoreCommand, setStoreEnabledCommand } from "../store-management/commands.ts";
import { getStoreQuery, listStoresQuery } from "../store-management/queries.ts";
import { userEventsPageQuery, userSessionsPageQuery } from "../users/account-queries.ts";
import {
  bulkAssignRoleCommand,
  bulkDeleteUsersCommand,
  createUserCommand,
  deleteUserCommand,
  disableUserCommand,
  resetPasswordCommand,
  setUserRolesCommand,
  updateProfileCommand,
} from "../users/commands.ts";
import { userPageQuery, userPermissionsPageQuery, userPickerQuery, userRolesPageQuery, usersPageQuery } from "../users/queries.ts";

const config = testConfig();
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = config;
const MISSING = 987_654;

/** Any command of the matrix; `exec` runs it as `runCommand` does, for rows of differing input types. */
type Command = { input: { parse: (v: unknown) => unknown }; run: (db: never, a: Actor, i: never, p?: never) => Promise<unknown> };
/** What the caller is told: the code and the message, with numbers (ids) blanked so B's id and a missing one compare. */
function exec(command: Command, db: TestDatabase["db"], actor: Actor, input: unknown): Promise<unknown> {
  return Promise.resolve().then(() => command.run(db as never, actor, command.input.parse(input) as never, (() => {}) as never));
}

async function answer(attempt: Promise<unknown>, name = "\0"): Promise<string> {
  const blank = (text: string) => text.replaceAll(name, "<name>").replace(/\d+/g, "#");
  try {
    return `ok ${blank(JSON.stringify(await attempt))}`;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code ?? "THROWN"}: ${blank(message)}`;
  }
}

describe.each(await databaseKinds())("tenant isolation on %s", (kind) => {
  let t: TestDatabase;
  let superAdmin: Actor;
  let a: Actor;
  // Tenant B's objects, named as in tenant A, plus one user and one role only B has.
  const b = { user: 0, version: 0, role: 0, roleVersion: 0, store: 0, storeVersion: 0, session: "", soleUser: 0 };

  async function populate(admin: Actor, extra: boolean) {
    const role = await runCommand(createRoleCommand, t.db, admin, { domain: "PRIMARY", name: "editors", permissions: [], userIds: [] });
    const user = await runCommand(createUserCommand, t.db, admin, {
      domain: "PRIMARY",
      username: "alice",
      password: TENANT_PASSWORD,
      roleIds: [role.id],
    });
    if (extra) {
      await runCommand(createRoleCommand, t.db, admin, { domain: "PRIMARY", name: "only-b", permissions: [], userIds: [] });
      const sole = await runCommand(createUserCommand, t.db, admin, {
        domain: "PRIMARY",
        username: "bonly",
        password: TENANT_PASSWORD,
        roleIds: [],
      });
      b.soleUser = (sole as { id: number }).id;
    }
    return { role, user: user as { id: number } };
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    superAdmin = await superAdminActor(t.db);
    const tenantA = await provisionTenant(t.db, superAdmin, "a.example");
    const tenantB = await provisionTenant(t.db, superAdmin, "b.example");
    a = tenantA.admin;
    await populate(a, false);
    const { role, user } = await populate(tenantB.admin, true);
    const bUser = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const bRole = await t.db.role.findUniqueOrThrow({ where: { id: role.id } });
    const bStore = await t.db.userStore.findFirstOrThrow({ where: { tenantId: tenantB.tenantId, domain: "PRIMARY" } });
    const session = await t.db.session.create({
      data: { id: "b-alice-session-0000", tenantId: tenantB.tenantId, userId: bUser.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    Object.assign(b, {
      user: bUser.id,
      version: bUser.version,
      role: bRole.id,
      roleVersion: bRole.version,
      store: bStore.id,
      storeVersion: bStore.version,
      session: session.id,
    });
  });
  afterAll(() => t.drop());

  // Each row: a command, and its input naming an object by `id` (B's, or one that does not exist).
  const byId: [string, Command, (id: number) => unknown][] = [
    ["user page", userPageQuery, (id) => ({ id })],
    ["user permissions", userPermissionsPageQuery, (id) => ({ id })],
    ["user roles", userRolesPageQuery, (id) => ({ id })],
    ["user sessions", userSessionsPageQuery, (id) => ({ id })],
    ["user events (audit)", userEventsPageQuery, (id) => ({ id })],
    ["user profile update", updateProfileCommand, (id) => ({ id, version: b.version })],
    ["user password reset", resetPasswordCommand, (id) => ({ id, version: b.version, password: TENANT_PASSWORD })],
    ["user disable", disableUserCommand, (id) => ({ id, version: b.version })],
    ["user delete", deleteUserCommand, (id) => ({ id, version: b.version })],
    ["user roles set (B's user)", setUserRolesCommand, (id) => ({ id, version: b.version, add: [], remove: [] })],
    ["bulk delete", bulkDeleteUsersCommand, (id) => ({ userIds: [id] })],
    ["role page", rolePageQuery, (id) => ({ id })],
    ["role permissions page", rolePermissionsPageQuery, (id) => ({ id })],
    ["role members", roleMembersQuery, (id) => ({ id, search: "", size: 10 })],
    ["MI role members", miRoleMembersQuery, (id) => ({ id, page: { size: 10 } })],
    ["role rename", renameRoleCommand, (id) => ({ id, version: b.roleVersion, name: "renamed" })],
    ["role permissions save", setRolePermissionsCommand, (id) => ({ id, version: b.roleVersion, permissions: [] })],
    ["role members save", setRoleMembersCommand, (id) => ({ id, version: b.roleVersion, add: [], remove: [] })],
    ["role delete", deleteRoleCommand, (id) => ({ id, version: b.roleVersion })],
    ["bulk assign (B's role)", bulkAssignRoleCommand, (id) => ({ roleId: id, userIds: [a.userId] })],
    ["user store get", getStoreQuery, (id) => ({ id })],
    ["user store disable", setStoreEnabledCommand, (id) => ({ id, version: b.storeVersion, enabled: false })],
    ["user store delete", deleteStoreCommand, (id) => ({ id, version: b.storeVersion })],
  ];
  const target = (label: string) =>
    /role|assign/.test(label) && !label.startsWith("user") ? b.role : /store/.test(label) ? b.store : b.user;

  for (const [actorName, actorOf] of [
    ["tenant A's admin", () => a],
    ["the super tenant's admin", () => superAdmin],
  ] as const) {
    it.each(byId)(`${actorName}: %s by B's id answers as a missing id`, async (label, command, input) => {
      const forB = await answer(exec(command, t.db, actorOf(), input(target(label))));
      expect(forB).toBe(await answer(exec(command, t.db, actorOf(), input(MISSING))));
      // Bulk actions answer per user ("no longer exists"), alike for both; everything else refuses.
      expect(forB).not.toMatch(label.startsWith("bulk") ? /^FORBIDDEN/ : /^(ok|FORBIDDEN)/);
    });
  }

  // A role of B given to A's own user, and B's user added to A's role: the foreign id is not found.
  it("memberships: neither B's role nor B's user joins A's side", async () => {
    const aUser = await t.db.user.findFirstOrThrow({ where: { tenantId: a.tenantId, username: "alice" } });
    const aRole = await t.db.role.findFirstOrThrow({ where: { tenantId: a.tenantId, name: "editors" } });
    const cases: [Command, (id: number) => unknown][] = [
      [setUserRolesCommand, (id) => ({ id: aUser.id, version: aUser.version, add: [id], remove: [] })],
      [setRoleMembersCommand, (id) => ({ id: aRole.id, version: aRole.version, add: [id], remove: [] })],
    ];
    for (const [i, [command, input]] of cases.entries()) {
      const foreign = i === 0 ? b.role : b.user;
      const forB = await answer(exec(command, t.db, a, input(foreign)));
      expect(forB).toBe(await answer(exec(command, t.db, a, input(MISSING))));
      expect(forB).not.toMatch(/^ok/);
    }
    expect(
      await t.db.membership.count({
        where: {
          OR: [
            { roleId: b.role, userId: aUser.id },
            { roleId: aRole.id, userId: b.user },
          ],
        },
      }),
    ).toBe(0);
  });

  it("sessions: B's session is not found for A, and not listed", async () => {
    const forB = await answer(runCommand(terminateSessionCommand, t.db, a, { sessionId: b.session }));
    expect(forB).toBe(await answer(runCommand(terminateSessionCommand, t.db, a, { sessionId: "no-such-session-000" })));
    expect((await t.db.session.findUniqueOrThrow({ where: { id: b.session } })).revokedAt).toBeNull();
    const listed = await runCommand(sessionsPageQuery, t.db, a, {});
    expect(listed.rows.map((r) => r.id)).not.toContain(b.session);
    expect((await runCommand(sessionsPageQuery, t.db, a, { user: "alice" })).rows).toEqual([]);
  });

  it("by name: a name only B holds answers as a missing name; a shared name finds A's own", async () => {
    const pairs: [Command, (name: string) => unknown][] = [
      [miUserQuery, (name) => ({ userId: name })],
      [miUsersQuery, (name) => ({ role: name, page: { size: 10 } })],
      [assignRolesByNameCommand, (name) => ({ userId: "alice", addedRoles: [name], removedRoles: [] })],
      [scopeMappingQuery, (name) => ({ role: name })],
      [editScopeMappingPageQuery, (name) => ({ role: name })],
      [checkMappingRoleCommand, (name) => ({ role: name })],
    ];
    for (const [command, input] of pairs) {
      const sole = command === miUserQuery ? "bonly" : "only-b";
      const missing = sole.replace("b", "z");
      const forB = await answer(exec(command, t.db, a, input(sole)), sole);
      expect(forB).toBe(await answer(exec(command, t.db, a, input(missing)), missing));
      expect(forB).not.toMatch(/^(ok|FORBIDDEN)/);
    }
    const { version } = await runCommand(scopeMappingsPageQuery, t.db, a, {});
    const deleting = (role: string) => runCommand(deleteScopeMappingCommand, t.db, a, { version, role, kind: "custom" });
    expect(await answer(deleting("only-b"), "only-b")).toBe(await answer(deleting("only-z"), "only-z"));
    const alice = await runCommand(miUserQuery, t.db, a, { userId: "alice" });
    expect(alice.roles).toEqual(expect.arrayContaining(["editors"]));
    const aAlice = await t.db.user.findFirstOrThrow({ where: { tenantId: a.tenantId, username: "alice" } });
    expect((await runCommand(userPageQuery, t.db, a, { id: aAlice.id })).user.id).toBe(aAlice.id);
  });

  // The scope matrix's and the tenant-conf import's writers name roles: B's role is an unknown name to A.
  it("scope matrix and tenant-conf import: B's role name answers as a missing name, and B's mapping is unchanged", async () => {
    const bMapping = () =>
      t.db.scopeRole.findMany({ where: { role: { tenantId: { not: a.tenantId } } }, orderBy: [{ scopeId: "asc" }, { roleId: "asc" }] });
    const before = await bMapping();
    const { version, document } = await runCommand(tenantConfQuery, t.db, a, {});
    const conf = document as { RESTAPIScopes: { Scope: { Name: string; Roles: string }[] } };
    const naming = (role: string) =>
      JSON.stringify({
        ...conf,
        RESTAPIScopes: { Scope: conf.RESTAPIScopes.Scope.map((s, i) => (i === 0 ? { ...s, Roles: `${s.Roles},${role}` } : s)) },
      });
    const scopes = (role: string) => ({ version, scopes: [{ name: conf.RESTAPIScopes.Scope[0]!.Name, roles: ["admin", role] }] });
    const pairs: [Command, (name: string) => Promise<unknown> | unknown][] = [
      [findMatrixRoleCommand, (name) => ({ role: name })],
      [previewScopeRolesCommand, scopes],
      [setScopeRolesCommand, scopes],
      [previewImportCommand, (name) => ({ text: naming(name) })],
      [
        applyImportCommand,
        async (name) => {
          // Each at the version it previewed: an apply that changes nothing still takes a version.
          const preview = (await runCommand(previewImportCommand, t.db, a, { text: naming(name) })) as {
            planHash: string;
            version: number;
          };
          return { text: naming(name), version: preview.version, planHash: preview.planHash };
        },
      ],
    ];
    for (const [command, input] of pairs) {
      // The plan's hash covers the names in it, so it differs with the name alone.
      const told = async (name: string) =>
        (await answer(exec(command, t.db, a, await input(name)), name)).replace(/"planHash":"[^"]*"/g, "");
      // A first apply also keeps the document's other keys (documentKeys): done once before the pair.
      await told("only-y");
      expect(await told("only-b")).toBe(await told("only-z"));
    }
    expect(await bMapping()).toEqual(before);
  });

  it("lists, counts and searches hold none of B's rows", async () => {
    const bUsers = new Set((await t.db.user.findMany({ where: { tenantId: { not: a.tenantId } }, select: { id: true } })).map((u) => u.id));
    const bRoles = new Set((await t.db.role.findMany({ where: { tenantId: { not: a.tenantId } }, select: { id: true } })).map((r) => r.id));
    const users = await runCommand(usersPageQuery, t.db, a, { size: "100" });
    expect(users.rows.map((u) => u.username).sort()).toEqual(["admin", "alice"]);
    expect(users.rows.filter((u) => bUsers.has(u.id))).toEqual([]);
    expect((await runCommand(usersPageQuery, t.db, a, { q: "bonly" })).rows).toEqual([]);
    expect((await runCommand(userPickerQuery, t.db, a, { q: "bonly" })).list ?? []).toEqual([]);
    const mi = await runCommand(miUsersQuery, t.db, a, { pattern: "*", page: { size: 100 } });
    expect((mi as { rows: unknown[] }).rows).toHaveLength(2);
    const roles = await runCommand(rolesPageQuery, t.db, a, { size: "100" });
    expect(roles.rows.filter((r) => bRoles.has(r.id))).toEqual([]);
    expect((await runCommand(rolesPageQuery, t.db, a, { q: "only-b" })).rows).toEqual([]);
    expect((await runCommand(rolePickerQuery, t.db, a, { search: "only-b", size: 10 })).count).toBe(0);
    expect((await runCommand(miRolesQuery, t.db, a, { pattern: "only*", page: { size: 10 } })).page?.rows).toEqual([]);
    // The MI's whole lists count the tenant's rows: A's own (admin, alice; and its provisioned roles) only.
    const allRoles = await runCommand(miRolesQuery, t.db, a, { pattern: "*", page: null });
    expect(allRoles.count).toBe(await t.db.role.count({ where: { tenantId: a.tenantId, kind: { not: "system" } } }));
    const streamed = (await runCommand(miUsersQuery, t.db, a, { pattern: "*", page: null })) as Response;
    const whole = (await streamed.json()) as { count: number };
    expect(whole.count).toBe(2);
    const mappings = await runCommand(scopeMappingsPageQuery, t.db, a, { size: "100" });
    expect(mappings.page.rows.filter((r) => bRoles.has(r.roleId))).toEqual([]);
    const stores = await runCommand(listStoresQuery, t.db, a, {});
    const bStores = await t.db.userStore.findMany({ where: { tenantId: { not: a.tenantId } }, select: { id: true } });
    expect(JSON.stringify(stores)).not.toMatch(new RegExp(`"id":(${bStores.map((s) => s.id).join("|")})\\b`));
    const audit = await runCommand(auditPageQuery, t.db, a, { size: "100" });
    const aEvents = new Set((await t.db.auditEvent.findMany({ where: { tenantId: a.tenantId }, select: { id: true } })).map((e) => e.id));
    expect(audit.rows.length).toBeGreaterThan(0);
    expect(audit.rows.filter((e) => !aEvents.has(Number(e.id)))).toEqual([]);
    expect((await runCommand(auditPageQuery, t.db, a, { q: "bonly" })).rows).toEqual([]);
  });

  it("leaves B as it was: every user, role, membership, store and session", async () => {
    const tenantB = await t.db.tenant.findUniqueOrThrow({ where: { domain: "b.example" } });
    const tenantId = tenantB.id;
    expect(await t.db.user.count({ where: { tenantId, disabledAt: null } })).toBe(3);
    expect(await t.db.role.findUniqueOrThrow({ where: { id: b.role } })).toMatchObject({ name: "editors", version: b.roleVersion });
    expect(await t.db.membership.count({ where: { userId: b.user, roleId: b.role } })).toBe(1);
    expect(await t.db.userStore.findUniqueOrThrow({ where: { id: b.store } })).toMatchObject({ enabled: true, version: b.storeVersion });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: b.user } })).version).toBe(b.version);
  });
});
