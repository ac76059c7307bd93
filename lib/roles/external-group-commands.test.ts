import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { failAuditOf } from "../../testing/fail-audit.ts";
import { seedUser } from "../../testing/seed.ts";
import { addPerson, createTestDirectory, seedExternalStore, type TestDirectory } from "../../testing/test-directory.ts";
import type { Actor } from "../authz/principal.ts";
import { allowedRoleActions } from "../authz/role-rules.ts";
import { provision } from "../provisioning/provision.ts";
import { syncStore } from "../user-stores/external/sync.ts";
import { createRoleCommand, deleteRoleCommand, renameRoleCommand, setRolePermissionsCommand } from "./commands.ts";
import { getRole } from "./get-role.ts";

const LOGIN = "/permission/admin/login";

// The injected failure (testing/fail-audit.ts) reaches Prisma as a constraint error on SQLite: only the rejection is asserted.
// A read-write external store's groups are created, renamed and deleted from Gatehouse, in the
// directory first (here the test stand-in; lib/user-stores/external/external-groups.test.ts runs
// the same against slapd and WSO2's schema). A read-only store's stay refused.
describe.each(await databaseKinds())("an external store's groups from the role commands on %s", (kind) => {
  let t: TestDatabase;
  let admin: Actor;
  let rw: { directory: TestDirectory; store: { id: number; tenantId: number; domain: string } };
  let ro: { directory: TestDirectory; store: { id: number; tenantId: number; domain: string } };

  async function synced(readOnly: boolean) {
    const directory = createTestDirectory({ readOnly });
    addPerson(directory, "lena");
    directory.teams.set("cn=developers", { externalId: "cn=developers", name: "developers", memberIds: ["uid=lena,ou=people"] });
    const store = await seedExternalStore(t.db, directory, { type: "ldap" });
    await syncStore(t.db, store.tenantId, store.id);
    return { directory, store };
  }
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    rw = await synced(false);
    ro = await synced(true);
  });
  afterAll(() => t.drop());

  const lena = (storeId: number) => t.db.user.findFirstOrThrow({ where: { storeId, usernameKey: "lena" } });
  const roleNamed = (storeId: number, name: string) => t.db.role.findFirst({ where: { storeId, nameKey: name } });
  const audits = (action: string) => t.db.auditEvent.count({ where: { action } });

  it("creates, renames and deletes a read-write store's group in the directory and its mirror", async () => {
    const user = await lena(rw.store.id);
    const created = await createRoleCommand.run(t.db, admin, {
      domain: rw.store.domain,
      name: "team-x",
      permissions: [LOGIN],
      userIds: [user.id],
    });
    expect(rw.directory.teams.get("cn=team-x,ou=groups")).toMatchObject({ name: "team-x", memberIds: ["uid=lena,ou=people"] });
    const row = await t.db.role.findUniqueOrThrow({ where: { id: created.id }, include: { grants: true, memberships: true } });
    expect(row).toMatchObject({ externalId: "cn=team-x,ou=groups", name: "team-x", memberCount: 1 });
    expect(row.grants.map((g) => g.permission)).toEqual([LOGIN]);
    expect(allowedRoleActions(admin, await getRole(t.db, rw.store.tenantId, created.id))).toEqual([
      "rename",
      "permissions",
      "assignUsers",
      "viewUsers",
      "delete",
    ]);

    await renameRoleCommand.run(t.db, admin, { id: created.id, version: row.version, name: "team-y" });
    expect(rw.directory.teams.get("cn=team-x,ou=groups")?.name).toBe("team-y");
    expect(await t.db.role.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ name: "team-y", externalId: row.externalId });
    // A second sync finds the same group under its new name: nothing is recreated.
    await syncStore(t.db, rw.store.tenantId, rw.store.id);
    expect((await roleNamed(rw.store.id, "team-y"))?.id).toBe(created.id);

    await deleteRoleCommand.run(t.db, admin, { id: created.id, version: row.version + 1 });
    expect(rw.directory.teams.has("cn=team-x,ou=groups")).toBe(false);
    expect(await t.db.role.count({ where: { id: created.id } })).toBe(0);
  });

  it("refuses a member of another store, naming the field, and writes nothing anywhere", async () => {
    const stranger = await seedUser(t.db);
    await expect(
      createRoleCommand.run(t.db, admin, { domain: rw.store.domain, name: "mixed", permissions: [], userIds: [stranger.id] }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "userIds" } });
    expect(rw.directory.teams.has("cn=mixed,ou=groups")).toBe(false);
    expect(await roleNamed(rw.store.id, "mixed")).toBeNull();
  });

  it("keeps refusing a read-only store's group create, rename and delete, with today's messages", async () => {
    await expect(
      createRoleCommand.run(t.db, admin, { domain: ro.store.domain, name: "nope", permissions: [], userIds: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: `The ${ro.store.domain} user store is read-only.` });
    const role = (await roleNamed(ro.store.id, "developers"))!;
    const refused = { code: "FORBIDDEN", message: `${ro.store.domain}/developers is in a read-only user store.` };
    await expect(renameRoleCommand.run(t.db, admin, { id: role.id, version: role.version, name: "devs" })).rejects.toMatchObject(refused);
    await expect(deleteRoleCommand.run(t.db, admin, { id: role.id, version: role.version })).rejects.toMatchObject(refused);
    expect(ro.directory.teams.get("cn=developers")?.name).toBe("developers");
    expect(await roleNamed(ro.store.id, "developers")).toMatchObject({ id: role.id, version: role.version });
  });

  it("answers STORE_UNAVAILABLE when the directory is down, and writes nothing in Gatehouse", async () => {
    const before = { created: await audits("role.created"), deleted: await audits("role.deleted") };
    rw.directory.down = true;
    try {
      await expect(
        createRoleCommand.run(t.db, admin, { domain: rw.store.domain, name: "offline", permissions: [], userIds: [] }),
      ).rejects.toMatchObject({ code: "STORE_UNAVAILABLE", status: 503 });
      const role = (await roleNamed(rw.store.id, "developers"))!;
      await expect(deleteRoleCommand.run(t.db, admin, { id: role.id, version: role.version })).rejects.toMatchObject({
        code: "STORE_UNAVAILABLE",
      });
      await expect(renameRoleCommand.run(t.db, admin, { id: role.id, version: role.version, name: "devs" })).rejects.toMatchObject({
        code: "STORE_UNAVAILABLE",
      });
      expect(await roleNamed(rw.store.id, "developers")).toMatchObject({ id: role.id, version: role.version, name: "developers" });
    } finally {
      rw.directory.down = false;
    }
    expect(await roleNamed(rw.store.id, "offline")).toBeNull();
    expect({ created: await audits("role.created"), deleted: await audits("role.deleted") }).toEqual(before);
  });

  it("re-reads the group from the directory when Gatehouse's transaction fails after the directory's write", async () => {
    const user = await lena(rw.store.id);
    const undoCreate = await failAuditOf(t.db, "role.created");
    await expect(
      createRoleCommand.run(t.db, admin, { domain: rw.store.domain, name: "late", permissions: [LOGIN], userIds: [user.id] }),
    ).rejects.toThrow();
    await undoCreate();
    // The directory kept the group; the mirror shows it (and its member) without a sync; the grant was the failed transaction's.
    const late = await t.db.role.findFirstOrThrow({
      where: { storeId: rw.store.id, externalId: "cn=late,ou=groups" },
      include: { grants: true },
    });
    expect(late).toMatchObject({ name: "late", memberCount: 1, grants: [] });

    const undoRename = await failAuditOf(t.db, "role.renamed");
    await expect(renameRoleCommand.run(t.db, admin, { id: late.id, version: late.version, name: "later" })).rejects.toThrow();
    await undoRename();
    expect(await t.db.role.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ name: "later", version: late.version + 1 });

    const undoDelete = await failAuditOf(t.db, "role.deleted");
    await expect(deleteRoleCommand.run(t.db, admin, { id: late.id, version: late.version + 1 })).rejects.toThrow();
    await undoDelete();
    expect(rw.directory.teams.has("cn=late,ou=groups")).toBe(false);
    expect(await t.db.role.count({ where: { id: late.id } })).toBe(0);
  });

  it("keeps an external group's permissions Gatehouse's, and no-escalation on them", async () => {
    const role = (await roleNamed(rw.store.id, "developers"))!;
    await setRolePermissionsCommand.run(t.db, admin, { id: role.id, version: role.version, permissions: [LOGIN] });
    expect((await getRole(t.db, rw.store.tenantId, role.id)).grants).toEqual([LOGIN]);
    const weak = await actorFor(t.db, (await seedUser(t.db, { grants: ["/permission/admin/manage/identity/rolemgt"] })).id);
    await expect(deleteRoleCommand.run(t.db, weak, { id: role.id, version: role.version + 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      createRoleCommand.run(t.db, weak, { domain: rw.store.domain, name: "grabby", permissions: [LOGIN], userIds: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(rw.directory.teams.get("cn=developers")).toBeDefined();
    expect(rw.directory.teams.has("cn=grabby,ou=groups")).toBe(false);
  });
});
