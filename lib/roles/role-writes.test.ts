import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { readMappingVersion } from "./mapping-version.ts";
import { checkNewRoleName, createRole } from "./create-role.ts";
import { deleteRole } from "./delete-role.ts";
import { getRole } from "./get-role.ts";
import { listRoles } from "./list-roles.ts";
import { listRoleMembers } from "./list-role-members.ts";
import { previewMemberChange, previewPermissionChange } from "./preview-role-change.ts";
import { renameRole } from "./rename-role.ts";
import { setRoleMembers } from "./set-role-members.ts";
import { setRolePermissions } from "./set-role-permissions.ts";

const LOGIN = "/permission/admin/login";
const ROLE_ADMIN = [
  "/permission/admin/login",
  "/permission/admin/manage/identity/rolemgt",
  "/permission/admin/manage/identity/usermgt",
] as const;

describe.each(await databaseKinds())("role writes on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  let roleManager: Actor;
  const adminRoleId = async () => (await t.db.role.findFirstOrThrow({ where: { kind: "admin" } })).id;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    roleManager = await actorFor(t.db, (await seedUser(t.db, { grants: ROLE_ADMIN })).id);
  });
  afterAll(() => t.drop());

  it("creates a role with permissions and members in one go, and audits it", async () => {
    const member = await seedUser(t.db, { grants: [LOGIN] });
    const { id, qualified } = await createRole(t.db, admin, {
      domain: "PRIMARY",
      name: "auditors",
      permissions: ["/permission/admin/monitor/logs", LOGIN, "/permission/admin/monitor"],
      userIds: [member.id],
    });
    expect(qualified).toBe("auditors");
    const role = await getRole(t.db, tenantId, id);
    expect(role.grants).toEqual([LOGIN, "/permission/admin/monitor"]);
    expect(role.memberCount).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "role.created", targetId: String(id) } })).toBe(1);
  });

  it("validates names: no slash, the store's pattern, unique in the domain, reserved internal names", async () => {
    const make = (domain: string, name: string) => createRole(t.db, admin, { domain, name, permissions: [], userIds: [] });
    await expect(make("PRIMARY", "a/b")).rejects.toThrow(/cannot contain|must match/);
    await expect(make("PRIMARY", "x")).rejects.toThrow(/must match/);
    await expect(make("PRIMARY", "<img src=x onerror=alert(1)>")).rejects.toThrow(/must match/);
    await expect(make("PRIMARY", "a".repeat(300))).rejects.toThrow(/must match|too long/);
    await expect(make("PRIMARY", "evil\u202Egpj.exe")).rejects.toThrow(/invisible/);
    await expect(make("Internal", "everyone")).rejects.toThrow(/reserved/);
    await make("PRIMARY", 'O\'Brien-"team"');
    await expect(make("PRIMARY", 'o\'brien-"TEAM"')).rejects.toThrow(/already exists/);
    expect((await make("Internal", "مدیران")).qualified).toBe("Internal/مدیران");
  });

  it("the wizard's name check gives Finish's answer without writing anything", async () => {
    const check = (domain: string, name: string) => checkNewRoleName(t.db, admin, { domain, name });
    const before = await t.db.role.count();
    await expect(check("PRIMARY", "a/b")).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "name" } });
    await expect(check("Internal", "system_x")).rejects.toThrow(/reserved/);
    await expect(check("NOWHERE", "fine_name")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await createRole(t.db, admin, { domain: "PRIMARY", name: "checked_once", permissions: [], userIds: [] });
    await expect(check("PRIMARY", "CHECKED_ONCE")).rejects.toMatchObject({ code: "CONFLICT", details: { field: "name" } });
    await expect(check("PRIMARY", "ch\u0435cked_once")).rejects.toThrow(/looks like the existing role/);
    expect((await check("Internal", "  checked_once ")).qualified).toBe("Internal/checked_once");
    expect(await t.db.role.count()).toBe(before + 1);
  });

  it("refuses to grant a permission the actor does not hold", async () => {
    await expect(
      createRole(t.db, roleManager, {
        domain: "PRIMARY",
        name: "sneaky",
        permissions: ["/permission/admin/manage/apim_admin"],
        userIds: [],
      }),
    ).rejects.toThrow(/do not hold/);
    const { id } = await createRole(t.db, roleManager, { domain: "PRIMARY", name: "helpers", permissions: [LOGIN], userIds: [] });
    const role = await getRole(t.db, tenantId, id);
    await expect(setRolePermissions(t.db, roleManager, { id, version: role.version, permissions: [LOGIN, "/permission"] })).rejects.toThrow(
      /do not hold/,
    );
    expect((await getRole(t.db, tenantId, id)).grants).toEqual([LOGIN]);
  });

  it("refuses to manage a role carrying permissions the actor lacks, by any path", async () => {
    const { id } = await createRole(t.db, admin, {
      domain: "PRIMARY",
      name: "api-admins",
      permissions: ["/permission/admin/manage/apim_admin"],
      userIds: [],
    });
    const role = await getRole(t.db, tenantId, id);
    const someone = await seedUser(t.db, { grants: [LOGIN] });
    await expect(setRoleMembers(t.db, roleManager, { id, version: role.version, add: [someone.id], remove: [] })).rejects.toThrow(
      /do not hold/,
    );
    await expect(renameRole(t.db, roleManager, { id, version: role.version, name: "harmless" })).rejects.toThrow(/do not hold/);
    await expect(deleteRole(t.db, roleManager, { id, version: role.version })).rejects.toThrow(/do not hold/);
  });

  it("keeps the admin role's name, permissions and existence; only admins change its members", async () => {
    const id = await adminRoleId();
    const role = await getRole(t.db, tenantId, id);
    await expect(renameRole(t.db, admin, { id, version: role.version, name: "root" })).rejects.toThrow(/cannot be renamed/);
    await expect(setRolePermissions(t.db, admin, { id, version: role.version, permissions: [LOGIN] })).rejects.toThrow(/cannot be renamed/);
    await expect(deleteRole(t.db, admin, { id, version: role.version })).rejects.toThrow(/cannot be renamed/);
    const someone = await seedUser(t.db, { grants: [LOGIN] });
    await expect(setRoleMembers(t.db, roleManager, { id, version: role.version, add: [someone.id], remove: [] })).rejects.toThrow(
      /Only holders of the admin role/,
    );
    expect(await setRoleMembers(t.db, admin, { id, version: role.version, add: [someone.id], remove: [] })).toEqual({
      added: 1,
      removed: 0,
    });
    const adminUser = await t.db.user.findFirstOrThrow({ where: { username: "admin" } });
    await expect(setRoleMembers(t.db, admin, { id, version: role.version + 1, add: [], remove: [adminUser.id] })).rejects.toThrow(
      /cannot leave/,
    );
  });

  it("never renames, assigns, lists or deletes Internal/everyone, and hides Internal/system", async () => {
    const everyone = await t.db.role.findFirstOrThrow({ where: { kind: "everyone" } });
    const someone = await seedUser(t.db, { grants: [LOGIN] });
    await expect(
      setRoleMembers(t.db, admin, { id: everyone.id, version: everyone.version, add: [someone.id], remove: [] }),
    ).rejects.toThrow(/implicitly/);
    await expect(renameRole(t.db, admin, { id: everyone.id, version: everyone.version, name: "all" })).rejects.toThrow(/implicitly/);
    await expect(deleteRole(t.db, admin, { id: everyone.id, version: everyone.version })).rejects.toThrow(/implicitly/);
    const listed = (await listRoles(t.db, tenantId, { dir: "asc", size: 100, pattern: "*" })).rows.map((r) => r.qualified);
    expect(listed).toContain("Internal/everyone");
    expect(listed).not.toContain("Internal/system");
  });

  it("searches roles by name, or within a domain with a DOMAIN/ prefix", async () => {
    const names = async (pattern: string) =>
      (await listRoles(t.db, tenantId, { dir: "asc", size: 100, pattern })).rows.map((r) => r.qualified);
    expect(await names("internal/c*")).toEqual(["Internal/creator"]);
    expect(await names("Internal/*")).toContain("Internal/subscriber");
    expect(await names("PRIMARY/*")).not.toContain("Internal/subscriber");
    expect(await names("creator")).toEqual(["Internal/creator"]);
  });

  it("refuses a save based on an outdated version, so concurrent edits never overwrite each other", async () => {
    const { id } = await createRole(t.db, admin, { domain: "PRIMARY", name: "contended", permissions: [LOGIN], userIds: [] });
    const opened = await getRole(t.db, tenantId, id);
    await setRolePermissions(t.db, admin, { id, version: opened.version, permissions: [LOGIN, "/permission/admin/monitor/logs"] });
    await expect(renameRole(t.db, admin, { id, version: opened.version, name: "contended2" })).rejects.toThrow(
      /Someone else changed this role/,
    );
    await expect(setRolePermissions(t.db, admin, { id, version: opened.version, permissions: [] })).rejects.toThrow(/Someone else/);
    expect((await getRole(t.db, tenantId, id)).grants).toEqual([LOGIN, "/permission/admin/monitor/logs"]);
  });

  it("previews how many members gain or lose each permission", async () => {
    const covered = await seedUser(t.db, { grants: [LOGIN, "/permission/admin/monitor"] });
    const plain = await seedUser(t.db, { grants: [LOGIN] });
    const { id } = await createRole(t.db, admin, {
      domain: "PRIMARY",
      name: "previewed",
      permissions: [LOGIN],
      userIds: [covered.id, plain.id],
    });
    const preview = await previewPermissionChange(t.db, id, [LOGIN], ["/permission/admin/monitor/logs"]);
    expect(preview.added).toEqual([{ path: "/permission/admin/monitor/logs", name: "Admin Permissions › Monitor › Logs", users: 1 }]);
    expect(preview.removed).toEqual([{ path: LOGIN, name: "Admin Permissions › Login", users: 0 }]);

    const newcomer = await seedUser(t.db, { grants: [] });
    const members = await previewMemberChange(t.db, tenantId, id, [LOGIN, "/permission/admin/monitor/logs"], {
      add: [newcomer.id],
      remove: [plain.id],
    });
    expect(members.added.map((i) => [i.path, i.users])).toEqual([
      [LOGIN, 1],
      ["/permission/admin/monitor/logs", 1],
    ]);
    expect(members.removed.map((i) => [i.path, i.users])).toEqual([
      [LOGIN, 0],
      ["/permission/admin/monitor/logs", 1],
    ]);
  });

  it("pages a role's members by name", async () => {
    const users = await Promise.all(Array.from({ length: 7 }, (_, i) => seedUser(t.db, { username: `member${i}_${kind}`, grants: [] })));
    const { id } = await createRole(t.db, admin, {
      domain: "PRIMARY",
      name: "paged-role",
      permissions: [],
      userIds: users.map((u) => u.id),
    });
    const role = await getRole(t.db, tenantId, id);
    const first = await listRoleMembers(t.db, tenantId, role, { size: 5 });
    const second = await listRoleMembers(t.db, tenantId, role, { size: 5, after: first.next! });
    expect([...first.rows, ...second.rows].map((r) => r.username)).toEqual(users.map((u) => u.username));
    expect(second.next).toBeNull();
  });

  it("deletes a role with its memberships and scope mappings", async () => {
    const member = await seedUser(t.db, { grants: [] });
    const { id } = await createRole(t.db, admin, { domain: "PRIMARY", name: "doomed", permissions: [LOGIN], userIds: [member.id] });
    const scope = await t.db.apiScope.findFirstOrThrow();
    await t.db.scopeRole.create({ data: { scopeId: scope.id, roleId: id } });
    const mappingVersion = await readMappingVersion(t.db, tenantId);
    await deleteRole(t.db, admin, { id, version: (await getRole(t.db, tenantId, id)).version });
    // An open scope matrix or import preview must now be refused as stale.
    expect(await readMappingVersion(t.db, tenantId)).toBe(mappingVersion + 1);
    expect(await t.db.membership.count({ where: { roleId: id } })).toBe(0);
    expect(await t.db.scopeRole.count({ where: { roleId: id } })).toBe(0);
    expect(await t.db.user.count({ where: { id: member.id } })).toBe(1);
  });
});
