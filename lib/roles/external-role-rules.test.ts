import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser } from "../../testing/seed.ts";
import { addPerson, createTestDirectory, seedExternalStore } from "../../testing/test-directory.ts";
import type { Actor } from "../authz/principal.ts";
import { allowedRoleActions } from "../authz/role-rules.ts";
import { provision } from "../provisioning/provision.ts";
import { syncStore } from "../user-stores/external/sync.ts";
import { deleteRoleCommand, renameRoleCommand, setRolePermissionsCommand } from "./commands.ts";
import { getRole } from "./get-role.ts";
import { listRoles } from "./list-roles.ts";
import { roleRenamePageQuery } from "./queries.ts";

const LOGIN = "/permission/admin/login";
const REFUSED = /is a group of an external user store: (rename|delete) it in the directory/;

// A read-write external store's groups are mirrored roles: their name and existence belong to
// the directory, so a rename or delete here would change only the mirror until the next sync.
describe.each(await databaseKinds())("an external store's roles on %s", (kind) => {
  let t: TestDatabase;
  let admin: Actor;
  let store: { id: number; tenantId: number; domain: string };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    const directory = createTestDirectory({ readOnly: false });
    addPerson(directory, "lena");
    directory.teams.set("cn=developers", { externalId: "cn=developers", name: "developers", memberIds: ["uid=lena,ou=people"] });
    store = await seedExternalStore(t.db, directory, { type: "ldap" });
    await syncStore(t.db, store.tenantId, store.id);
  });
  afterAll(() => t.drop());

  const mirrored = () => t.db.role.findFirstOrThrow({ where: { storeId: store.id, nameKey: "developers" } });

  it("refuses a rename and a delete with a message naming the directory, and leaves the role as it was", async () => {
    const role = await mirrored();
    await expect(renameRoleCommand.run(t.db, admin, { id: role.id, version: role.version, name: "devs" })).rejects.toThrow(REFUSED);
    await expect(deleteRoleCommand.run(t.db, admin, { id: role.id, version: role.version })).rejects.toThrow(REFUSED);
    expect(await mirrored()).toMatchObject({ id: role.id, name: "developers", version: role.version });
    expect(await t.db.auditEvent.count({ where: { targetId: String(role.id), action: { in: ["role.renamed", "role.deleted"] } } })).toBe(0);
  });

  it("offers neither action in the console, whose rename page says why, but keeps the permissions editable", async () => {
    const role = await getRole(t.db, store.tenantId, (await mirrored()).id);
    expect(role.external).toBe(true);
    expect(allowedRoleActions(admin, role)).toEqual(["permissions", "assignUsers", "viewUsers"]);
    await expect(roleRenamePageQuery.run(t.db, admin, { id: role.id })).rejects.toThrow(REFUSED);
    const listed = await listRoles(t.db, store.tenantId, { pattern: `${store.domain}/*`, dir: "asc", size: 10 });
    expect(listed.rows.map((r) => [r.qualified, r.external])).toEqual([[`${store.domain}/developers`, true]]);

    await setRolePermissionsCommand.run(t.db, admin, { id: role.id, version: role.version, permissions: [LOGIN] });
    expect((await getRole(t.db, store.tenantId, role.id)).grants).toEqual([LOGIN]);
  });

  it("still renames and deletes a PRIMARY role", async () => {
    const primary = await t.db.userStore.findFirstOrThrow({ where: { tenantId: store.tenantId, kind: "primary" } });
    const role = await t.db.role.create({
      data: { tenantId: store.tenantId, storeId: primary.id, name: "builders", nameKey: "builders", nameSkeleton: "builders" },
    });
    const renamed = await renameRoleCommand.run(t.db, admin, { id: role.id, version: role.version, name: "makers" });
    expect(renamed.to).toBe("makers");
    await deleteRoleCommand.run(t.db, admin, { id: role.id, version: role.version + 1 });
    expect(await t.db.role.count({ where: { id: role.id } })).toBe(0);
  });
});
