import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId, TEST_PASSWORD } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { signInWithPassword } from "../auth/sign-in.ts";
import { provision } from "../provisioning/provision.ts";
import { nameKey } from "../core/domains.ts";
import { bulkAssignRole } from "./bulk-assign-role.ts";
import { bulkDeleteUsers } from "./bulk-delete-users.ts";
import { createUser } from "./create-user.ts";
import { deleteUser } from "./delete-user.ts";
import { explainPermission } from "./effective-permissions.ts";
import { getUser } from "./get-user.ts";
import { resetUserPassword } from "./reset-user-password.ts";
import { setUserRoles } from "./set-user-roles.ts";
import { updateUserClaims } from "./update-user-claims.ts";

const LOGIN = "/permission/admin/login";
const USER_ADMIN = [
  LOGIN,
  "/permission/admin/manage/identity/usermgt",
  "/permission/admin/manage/identity/identitymgt",
  "/permission/admin/manage/identity/rolemgt",
] as const;
const config = testConfig();
const newUser = (over: Partial<{ domain: string; username: string; password: string; roleIds: number[] }> = {}) => ({
  domain: "PRIMARY",
  username: `new_${Math.random().toString(36).slice(2, 8)}`,
  password: "a perfectly long password",
  roleIds: [],
  ...over,
});

describe.each(await databaseKinds())("user writes on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  let userAdmin: Actor;
  let superAdminId: number;
  let readOnlyUserId: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    userAdmin = await actorFor(t.db, (await seedUser(t.db, { grants: USER_ADMIN })).id);
    superAdminId = (await t.db.user.findFirstOrThrow({ where: { username: "admin" } })).id;
    const ldap = await t.db.userStore.create({ data: { tenantId, domain: "LDAP", kind: "secondary", readOnly: true } });
    readOnlyUserId = (
      await t.db.user.create({ data: { tenantId, storeId: ldap.id, username: "ldapuser", usernameKey: "ldapuser", passwordHash: "x" } })
    ).id;
  });
  afterAll(() => t.drop());

  it("adds a user with initial roles who can then sign in", async () => {
    const publisher = await t.db.role.findFirstOrThrow({ where: { name: "publisher" } });
    const input = newUser({ roleIds: [publisher.id] });
    const { id } = await createUser(t.db, admin, input);
    expect((await getUser(t.db, tenantId, id)).roles.map((r) => r.qualified)).toEqual(["Internal/publisher"]);
    expect((await signInWithPassword(t.db, config, { username: input.username, password: input.password, kind: "console" })).ok).toBe(true);
  });

  it("applies the store's username rules and refuses duplicates and read-only stores", async () => {
    await expect(createUser(t.db, admin, newUser({ username: "has space" }))).rejects.toThrow(/must match/);
    await expect(createUser(t.db, admin, newUser({ username: "x".repeat(31) }))).rejects.toThrow(/must match/);
    await expect(createUser(t.db, admin, newUser({ username: "ADMIN" }))).rejects.toThrow(/already exists/);
    await expect(createUser(t.db, admin, newUser({ domain: "LDAP" }))).rejects.toThrow(/read-only/);
    await expect(createUser(t.db, admin, newUser({ domain: "Internal" }))).rejects.toThrow(/holds roles, not users/);
  });

  it("refuses initial roles that carry permissions the actor lacks", async () => {
    const adminRole = await t.db.role.findFirstOrThrow({ where: { kind: "admin" } });
    const creator = await t.db.role.findFirstOrThrow({ where: { name: "creator" } });
    await expect(createUser(t.db, userAdmin, newUser({ roleIds: [adminRole.id] }))).rejects.toThrow(/Only holders of the admin role/);
    await expect(createUser(t.db, userAdmin, newUser({ roleIds: [creator.id] }))).rejects.toThrow(/do not hold/);
  });

  it("follows WSO2's rules on deleting: not yourself, not the admin account, not read-only users, admins only by the super admin", async () => {
    const self = await getUser(t.db, tenantId, userAdmin.userId);
    await expect(deleteUser(t.db, userAdmin, { id: self.id, version: self.version })).rejects.toThrow(/your own account/);
    const sa = await getUser(t.db, tenantId, superAdminId);
    await expect(deleteUser(t.db, admin, { id: sa.id, version: sa.version })).rejects.toThrow(/Only the admin account itself/);
    const ro = await getUser(t.db, tenantId, readOnlyUserId);
    await expect(deleteUser(t.db, admin, { id: ro.id, version: ro.version })).rejects.toThrow(/read-only/);
    const otherAdmin = await getUser(t.db, tenantId, (await seedUser(t.db, { admin: true })).id);
    await expect(deleteUser(t.db, userAdmin, { id: otherAdmin.id, version: otherAdmin.version })).rejects.toThrow(/Only the super admin/);
    // Seed 000: "an admin user can only be removed by the creator"; another admin-role holder may not.
    await expect(deleteUser(t.db, admin, { id: otherAdmin.id, version: otherAdmin.version })).rejects.toThrow(/Only the super admin/);
    await deleteUser(t.db, await actorFor(t.db, superAdminId), { id: otherAdmin.id, version: otherAdmin.version });
    expect(await t.db.user.count({ where: { id: otherAdmin.id } })).toBe(0);
  });

  it("locks the admin account's row for everyone but the admin account itself", async () => {
    const sa = await getUser(t.db, tenantId, superAdminId);
    const input = {
      id: sa.id,
      version: sa.version,
      password: "another long password",
      requireChange: false,
    };
    await expect(resetUserPassword(t.db, admin, input)).rejects.toThrow(/Only the admin account itself/);
    const self = await actorFor(t.db, superAdminId);
    await resetUserPassword(t.db, self, input);
  });

  it("resets a password, ends the user's sessions and can require a change", async () => {
    const target = await seedUser(t.db, { grants: [LOGIN] });
    await signInWithPassword(t.db, config, { username: target.username, password: TEST_PASSWORD, kind: "console" });
    const user = await getUser(t.db, tenantId, target.id);
    const { endedSessions } = await resetUserPassword(t.db, userAdmin, {
      id: user.id,
      version: user.version,
      password: "the new long password",
      requireChange: true,
    });
    expect(endedSessions).toBe(1);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).mustChangePassword).toBe(true);
    expect(JSON.stringify(await t.db.auditEvent.findMany({ where: { action: "user.password_reset" } }))).not.toContain(
      "the new long password",
    );
  });

  it("lifts every address's lock on the account with a password reset", async () => {
    const target = await seedUser(t.db, { grants: [LOGIN] });
    const lockedOut = testConfig({ lockout: { max_failed_attempts: 1 } });
    await signInWithPassword(t.db, lockedOut, {
      username: target.username,
      password: "a wrong guess",
      kind: "console",
      ip: "203.0.113.40",
    });
    expect(
      (
        await signInWithPassword(t.db, lockedOut, {
          username: target.username,
          password: TEST_PASSWORD,
          kind: "console",
          ip: "203.0.113.40",
        })
      ).ok,
    ).toBe(false);
    const user = await getUser(t.db, tenantId, target.id);
    await resetUserPassword(t.db, userAdmin, {
      id: user.id,
      version: user.version,
      password: "the new long password",
      requireChange: false,
    });
    const again = await signInWithPassword(t.db, lockedOut, {
      username: target.username,
      password: "the new long password",
      kind: "console",
      ip: "203.0.113.40",
    });
    expect(again.ok).toBe(true);
  });

  it("assigns and removes roles within the actor's own permissions only", async () => {
    const target = await seedUser(t.db, { grants: [LOGIN] });
    const subscriber = await t.db.role.findFirstOrThrow({ where: { name: "subscriber" } });
    const adminRole = await t.db.role.findFirstOrThrow({ where: { kind: "admin" } });
    const everyone = await t.db.role.findFirstOrThrow({ where: { kind: "everyone" } });
    let user = await getUser(t.db, tenantId, target.id);
    await expect(setUserRoles(t.db, userAdmin, { id: user.id, version: user.version, add: [subscriber.id], remove: [] })).rejects.toThrow(
      /do not hold/,
    );
    await expect(setUserRoles(t.db, userAdmin, { id: user.id, version: user.version, add: [adminRole.id], remove: [] })).rejects.toThrow(
      /Only holders of the admin role/,
    );
    await expect(setUserRoles(t.db, admin, { id: user.id, version: user.version, add: [everyone.id], remove: [] })).rejects.toThrow(
      /implicitly/,
    );
    expect(await setUserRoles(t.db, admin, { id: user.id, version: user.version, add: [subscriber.id], remove: [] })).toEqual({
      added: ["Internal/subscriber"],
      removed: [],
    });
    user = await getUser(t.db, tenantId, target.id);
    await expect(setUserRoles(t.db, admin, { id: user.id, version: user.version - 1, add: [], remove: [subscriber.id] })).rejects.toThrow(
      /Someone else/,
    );
    const sa = await getUser(t.db, tenantId, superAdminId);
    await expect(
      setUserRoles(t.db, await actorFor(t.db, superAdminId), { id: sa.id, version: sa.version, add: [], remove: [adminRole.id] }),
    ).rejects.toThrow(/cannot leave/);
  });

  it("lets a user manager without role management assign roles within their own permissions", async () => {
    const manager = await actorFor(
      t.db,
      (await seedUser(t.db, { grants: [LOGIN, "/permission/admin/manage/identity/usermgt/update"] })).id,
    );
    const target = await seedUser(t.db, { grants: [] });
    const loginOnly = await t.db.role.findUniqueOrThrow({ where: { id: (await seedUser(t.db, { grants: [LOGIN] })).roleId } });
    const user = await getUser(t.db, tenantId, target.id);
    expect((await setUserRoles(t.db, manager, { id: user.id, version: user.version, add: [loginOnly.id], remove: [] })).added).toEqual([
      loginOnly.name,
    ]);
  });

  it("edits profile claims with validation and version checks", async () => {
    const target = await seedUser(t.db, { grants: [LOGIN] });
    const user = await getUser(t.db, tenantId, target.id);
    const claims = { "http://wso2.org/claims/givenname": "Zoë", "http://wso2.org/claims/emailaddress": "zoe@example.com" };
    await updateUserClaims(t.db, userAdmin, { id: user.id, version: user.version, ...claims } as never);
    expect((await getUser(t.db, tenantId, target.id)).claims).toEqual(claims);
    await expect(updateUserClaims(t.db, userAdmin, { id: user.id, version: user.version } as never)).rejects.toThrow(/Someone else/);
  });

  it("explains whether a user can do something, and through which role", async () => {
    const target = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/monitor"] });
    const user = await getUser(t.db, tenantId, target.id);
    const yes = explainPermission(user.qualified, user.roles, "/permission/admin/monitor/logs");
    expect(yes.allowed).toBe(true);
    expect(yes.reason).toContain(`which grants Admin Permissions › Monitor and everything below it`);
    expect(explainPermission(user.qualified, user.roles, "/permission/admin/manage/apim_admin").allowed).toBe(false);
  });

  it("deletes many users in one transaction and reports what it skipped", async () => {
    const victims = await Promise.all(Array.from({ length: 3 }, () => seedUser(t.db, { grants: [LOGIN] })));
    const progress: number[] = [];
    const summary = await bulkDeleteUsers(
      t.db,
      userAdmin,
      [...victims.map((v) => v.id), superAdminId, userAdmin.userId, readOnlyUserId],
      (p) => progress.push(p.done),
    );
    expect(summary.succeeded).toBe(3);
    expect(summary.skipped.map((s) => s.user).sort()).toEqual(["LDAP/ldapuser", "admin", userAdmin.username].sort());
    expect(progress.at(-1)).toBe(6);
    expect(await t.db.user.count({ where: { id: { in: victims.map((v) => v.id) } } })).toBe(0);
  });

  it("gives one role to many users at once, skipping those who already have it", async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => seedUser(t.db, { grants: [LOGIN] })));
    const role = await t.db.role.create({
      data: {
        tenantId,
        storeId: (await t.db.userStore.findFirstOrThrow({ where: { domain: "PRIMARY" } })).id,
        name: `bulk_${kind}`,
        nameKey: nameKey(`bulk_${kind}`),
        grants: { create: { permission: LOGIN } },
        memberships: { create: { userId: users[0]!.id } },
      },
    });
    const summary = await bulkAssignRole(
      t.db,
      userAdmin,
      role.id,
      users.map((u) => u.id),
    );
    expect(summary.succeeded).toBe(3);
    expect(summary.skipped).toEqual([{ user: users[0]!.username, reason: `already has bulk_${kind}` }]);
    expect(await t.db.membership.count({ where: { roleId: role.id } })).toBe(4);
  });
});
