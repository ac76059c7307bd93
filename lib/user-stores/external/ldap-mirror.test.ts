import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../testing/actor.ts";
import { testConfig } from "../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../testing/databases.ts";
import { type Fixture, generateDirectory, ldapSettingsFor } from "../../../testing/ldap-fixture.ts";
import { seedUser, superTenantId } from "../../../testing/seed.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../../testing/slapd.ts";
import { signInWithPassword } from "../../auth/sign-in.ts";
import { provision } from "../../provisioning/provision.ts";
import { listStores } from "../../stores/list-stores.ts";
import { seal } from "../../stores/secrets.ts";
import { setUserRolesCommand } from "../../users/commands.ts";
import { tenantUserStore } from "../user-store-for.ts";
import { createLdapDirectory } from "./ldap/ldap-directory.ts";
import { usableName } from "./mirror-entries.ts";
import { syncStore } from "./sync.ts";

const kinds = await databaseKinds();
const runs = slapdAvailable() || process.env.CI !== undefined;
const config = testConfig({ rate_limit: { per_address: 10_000, global: 10_000 } });
// Secrets are sealed at rest; the tests' key, as an operator's GATEHOUSE_STORE_KEY would be.
process.env.GATEHOUSE_STORE_KEY ??= "test-store-key-for-the-ldap-mirror-suite-0123456789";

describe.skipIf(!runs)("an LDAP store mirrored from slapd", () => {
  // One slapd per database: each run changes the directory.
  describe.each(kinds)("on %s", (kind) => {
    let slapd: Slapd;
    let fixture: Fixture;
    let t: TestDatabase;
    let tenantId: number;
    let store: { id: number; domain: string };
    beforeAll(async () => {
      fixture = generateDirectory({ users: 300, groups: 12, bigGroups: 1, bigGroupSize: 250 });
      slapd = await startSlapd({ ldif: fixture.ldif });
      t = await createTestDatabase(kind);
      await provision(t.db, config);
      tenantId = await superTenantId(t.db);
      const settings = { ...ldapSettingsFor(slapd, { pageSize: 100 }), bindPassword: seal(slapd.rootPassword) };
      store = await t.db.userStore.create({
        data: { tenantId, domain: "CORP", kind: "secondary", type: "ldap", readOnly: true, settings: JSON.stringify(settings) },
      });
    });
    afterAll(async () => {
      await slapd?.stop();
      await t?.drop();
    });
    const signIn = (username: string, password: string) =>
      signInWithPassword(t.db, config, { username, password, kind: "console", ip: "203.0.113.30" });

    it("syncs every usable user and group, with a 250-member group, through the real directory", async () => {
      const result = await syncStore(t.db, tenantId, store.id);
      const usable = fixture.users.filter((u) => usableName(u.uid));
      expect(result).toMatchObject({ users: 300, groups: 12, removed: 0 });
      expect(await t.db.user.count({ where: { storeId: store.id } })).toBe(usable.length);
      expect(await t.db.user.count({ where: { storeId: store.id, username: "o'brien" } })).toBe(1);
      const big = await t.db.role.findFirstOrThrow({ where: { storeId: store.id, name: fixture.groups[0]!.cn } });
      expect(big.memberCount).toBe(fixture.groups[0]!.memberDns.filter((dn) => usable.some((u) => u.dn === dn)).length);
    });

    it("signs in as CORP/name with the directory's password, once given an Internal role", async () => {
      const user = await t.db.user.findFirstOrThrow({ where: { storeId: store.id, username: "o'brien" } });
      const internal = await t.db.userStore.findFirstOrThrow({ where: { tenantId, kind: "internal" } });
      const role = await t.db.role.create({
        data: {
          tenantId,
          storeId: internal.id,
          name: "ldap-login",
          nameKey: "ldap-login",
          nameSkeleton: "ldap-login",
          grants: { create: [{ permission: "/permission/admin/login" }] },
        },
      });
      const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
      await setUserRolesCommand.run(t.db, admin, { id: user.id, version: user.version, add: [role.id], remove: [] });
      expect(await signIn("CORP/o'brien", fixture.password)).toMatchObject({ ok: true, userId: user.id });
      expect(await signIn("CORP/o'brien", "wrong-password")).toEqual({ ok: false });
    });

    it("removes what the directory deleted at the next sync, and keeps lists working while slapd is down", async () => {
      const writer = createLdapDirectory(ldapSettingsFor(slapd), false);
      const gone = fixture.users.at(-1)!;
      await writer.deleteUser(gone.dn);
      await writer.close();
      const result = await syncStore(t.db, tenantId, store.id);
      expect(result.removed).toBe(1);
      expect(await t.db.user.count({ where: { storeId: store.id, username: gone.uid } })).toBe(0);

      await slapd.kill();
      try {
        expect(await signIn("CORP/o'brien", fixture.password)).toEqual({ ok: false });
        const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
        expect(JSON.parse(audit.after!).reason).toMatch(/^user store unavailable: /);
        await expect(syncStore(t.db, tenantId, store.id)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
        const users = await tenantUserStore(t.db, tenantId, await listStores(t.db, tenantId));
        const page = await users.listUsers(t.db, tenantId, { storeId: store.id, pattern: "o'*", sort: "username", dir: "asc", size: 10 });
        expect(page.rows.map((u) => u.username)).toEqual(["o'brien"]);
      } finally {
        await slapd.restart();
      }
    });
  });
});
