import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../testing/actor.ts";
import { testConfig } from "../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../testing/databases.ts";
import { generateDirectory, ldapSettingsFor } from "../../../testing/ldap-fixture.ts";
import { seedUser, superTenantId } from "../../../testing/seed.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../../testing/slapd.ts";
import { slapdGroups } from "../../../testing/slapd-groups.ts";
import { createWso2Database, seedWso2, type Wso2Database } from "../../../testing/wso2-jdbc.ts";
import type { Actor } from "../../authz/principal.ts";
import { provision } from "../../provisioning/provision.ts";
import { createRoleCommand, deleteRoleCommand, renameRoleCommand } from "../../roles/commands.ts";
import { seal } from "../../stores/secrets.ts";
import { listStores } from "../../stores/list-stores.ts";
import { tenantUserStore } from "../user-store-for.ts";
import { syncStore } from "./sync.ts";

const kinds = await databaseKinds();
const runsLdap = slapdAvailable() || process.env.CI !== undefined;
process.env.GATEHOUSE_STORE_KEY ??= "test-store-key-for-the-external-groups-suite-0123456789";

const groupsIn = slapdGroups;

type World = { t: TestDatabase; admin: Actor; tenantId: number; storeId: number; domain: string };

async function world(kind: Parameters<typeof createTestDatabase>[0], type: "ldap" | "jdbc", settings: object): Promise<World> {
  const t = await createTestDatabase(kind);
  await provision(t.db, testConfig());
  const tenantId = await superTenantId(t.db);
  const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
  const domain = type === "ldap" ? "RWLDAP" : "RWJDBC";
  const store = await t.db.userStore.create({
    data: { tenantId, domain, kind: "secondary", type, readOnly: false, settings: JSON.stringify(settings) },
  });
  await syncStore(t.db, tenantId, store.id);
  return { t, admin, tenantId, storeId: store.id, domain };
}

const userId = (w: World, name: string) =>
  w.t.db.user.findFirstOrThrow({ where: { storeId: w.storeId, usernameKey: name } }).then((u) => u.id);

describe.skipIf(!runsLdap)("a read-write LDAP store's groups written from Gatehouse (slapd)", () => {
  describe.each(kinds)("on %s", (kind) => {
    let slapd: Slapd;
    let w: World;
    beforeAll(async () => {
      slapd = await startSlapd({ ldif: generateDirectory({ users: 25, groups: 2 }).ldif });
      w = await world(kind, "ldap", { ...ldapSettingsFor(slapd, { pageSize: 10 }), bindPassword: seal(slapd.rootPassword) });
    });
    afterAll(async () => {
      await slapd?.stop();
      await w?.t.drop();
    });

    it("creates the groupOfNames with its member, renames it by modrdn (same entryUUID, same row), and deletes it", async () => {
      const member = await userId(w, "user000020");
      const { id } = await createRoleCommand.run(w.t.db, w.admin, { domain: w.domain, name: "team-x", permissions: [], userIds: [member] });
      const made = groupsIn(slapd).get("team-x")!;
      expect(made.members).toEqual([`uid=user000020,${slapd.peopleDn}`]);
      const row = await w.t.db.role.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ externalId: made.uuid, memberCount: 1 });

      await renameRoleCommand.run(w.t.db, w.admin, { id, version: row.version, name: "team,y+z" });
      const renamed = groupsIn(slapd);
      expect(renamed.has("team-x")).toBe(false);
      expect(renamed.get("team,y+z")).toEqual(made);
      await syncStore(w.t.db, w.tenantId, w.storeId);
      expect(await w.t.db.role.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "team,y+z", externalId: made.uuid });

      await deleteRoleCommand.run(w.t.db, w.admin, { id, version: row.version + 1 });
      expect(groupsIn(slapd).has("team,y+z")).toBe(false);
      expect(await w.t.db.role.count({ where: { id } })).toBe(0);
    });

    it("refuses a group without a member of the store, on the users field, as WSO2 does, and adds nothing", async () => {
      await expect(
        createRoleCommand.run(w.t.db, w.admin, { domain: w.domain, name: "empty", permissions: [], userIds: [] }),
      ).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringMatching(/needs at least one member/),
        details: { field: "userIds" },
      });
      expect(groupsIn(slapd).has("empty")).toBe(false);
      expect(await w.t.db.role.count({ where: { storeId: w.storeId, name: "empty" } })).toBe(0);
    });

    it("re-reads a user the directory created when Gatehouse's transaction then failed", async () => {
      const users = await tenantUserStore(w.t.db, w.tenantId, await listStores(w.t.db, w.tenantId));
      const store = (await listStores(w.t.db, w.tenantId)).find((s) => s.id === w.storeId)!;
      const password = await users.preparePassword("a long directory password");
      await expect(
        w.t.db.$transaction(async (tx) => {
          await users.createUser(tx, w.tenantId, store, { username: "late-user", password, roleIds: [] });
          throw new Error("the transaction fails after the directory's write");
        }),
      ).rejects.toThrow(/after the directory's write/);
      const row = await w.t.db.user.findFirstOrThrow({ where: { storeId: w.storeId, usernameKey: "late-user" } });
      expect(row.externalId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("answers STORE_UNAVAILABLE when slapd is down, and writes nothing", async () => {
      const member = await userId(w, "user000021");
      await slapd.kill();
      try {
        await expect(
          createRoleCommand.run(w.t.db, w.admin, { domain: w.domain, name: "offline", permissions: [], userIds: [member] }),
        ).rejects.toMatchObject({ code: "STORE_UNAVAILABLE", status: 503 });
      } finally {
        await slapd.restart();
      }
      expect(await w.t.db.role.count({ where: { storeId: w.storeId, name: "offline" } })).toBe(0);
      expect(groupsIn(slapd).has("offline")).toBe(false);
    });
  });
});

// WSO2's user database is PostgreSQL: without one there is no JDBC store to write.
describe.skipIf(!kinds.includes("postgres"))("a read-write WSO2 JDBC store's roles written from Gatehouse", () => {
  let wso2: Wso2Database;
  beforeAll(async () => {
    wso2 = await createWso2Database();
    await seedWso2(wso2.client, { users: 5, roles: 1, membersPerRole: 2, password: "wso2-user-Secret-1" });
  });
  afterAll(() => wso2?.drop());

  describe.each(kinds)("on %s", (kind) => {
    let w: World;
    beforeAll(async () => {
      w = await world(kind, "jdbc", { url: wso2.url, pageSize: 10 });
    });
    afterAll(() => w?.t.drop());
    const role = async (name: string) =>
      (
        await wso2.client.query<{ id: number; members: string[] }>(
          `SELECT r.UM_ID AS id, COALESCE(array_agg(u.UM_USER_NAME) FILTER (WHERE u.UM_ID IS NOT NULL), '{}') AS members
             FROM UM_ROLE r LEFT JOIN UM_USER_ROLE ur ON ur.UM_ROLE_ID = r.UM_ID LEFT JOIN UM_USER u ON u.UM_ID = ur.UM_USER_ID
            WHERE r.UM_ROLE_NAME = $1 GROUP BY r.UM_ID`,
          [name],
        )
      ).rows[0];

    it("creates UM_ROLE with its UM_USER_ROLE rows, renames UM_ROLE_NAME in place, and deletes it", async () => {
      const name = `team-${kind}`;
      const member = await userId(w, "user-3");
      const { id } = await createRoleCommand.run(w.t.db, w.admin, { domain: w.domain, name, permissions: [], userIds: [member] });
      const made = (await role(name))!;
      expect(made.members).toEqual(["user-3"]);
      const row = await w.t.db.role.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ externalId: String(made.id), memberCount: 1 });

      await renameRoleCommand.run(w.t.db, w.admin, { id, version: row.version, name: `${name}-renamed` });
      expect(await role(name)).toBeUndefined();
      expect(await role(`${name}-renamed`)).toEqual(made);

      await deleteRoleCommand.run(w.t.db, w.admin, { id, version: row.version + 1 });
      expect(await role(`${name}-renamed`)).toBeUndefined();
      expect(await w.t.db.role.count({ where: { id } })).toBe(0);
    });

    it("creates a role without members (WSO2 allows an empty JDBC role)", async () => {
      const { id } = await createRoleCommand.run(w.t.db, w.admin, {
        domain: w.domain,
        name: `empty-${kind}`,
        permissions: [],
        userIds: [],
      });
      expect((await role(`empty-${kind}`))?.members).toEqual([]);
      expect(await w.t.db.role.findUniqueOrThrow({ where: { id } })).toMatchObject({ memberCount: 0 });
    });
  });
});
