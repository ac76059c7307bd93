import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../testing/actor.ts";
import { testConfig } from "../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../testing/databases.ts";
import { type Fixture, generateDirectory, ldapSettingsFor } from "../../../testing/ldap-fixture.ts";
import { seedUser, superTenantId } from "../../../testing/seed.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../../testing/slapd.ts";
import { signInWithPassword } from "../../auth/sign-in.ts";
import { provision } from "../../provisioning/provision.ts";
import { seal } from "../../stores/secrets.ts";
import { setUserRolesCommand } from "../../users/commands.ts";
import type { LdapSettings } from "./settings.ts";
import { syncStore } from "./sync.ts";

const kinds = await databaseKinds();
const runs = slapdAvailable() || process.env.CI !== undefined;
const config = testConfig({ rate_limit: { per_address: 10_000, global: 10_000 } });
process.env.GATEHOUSE_STORE_KEY ??= "test-store-key-for-the-ldap-rename-suite-0123456789";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The directory's own tools, as an LDAP admin renames entries (modrdn, deleting the old RDN value). */
function ldapTool(slapd: Slapd, tool: "ldapmodrdn" | "ldapmodify", args: string[], input?: string): void {
  execFileSync(tool, ["-x", "-H", slapd.url, "-D", slapd.rootDn, "-w", slapd.rootPassword, ...args], { input });
}

describe.skipIf(!runs)("LDAP entries renamed in the directory (modrdn) keep their Gatehouse identity", () => {
  describe.each(kinds)("on %s", (kind) => {
    let slapd: Slapd;
    let fixture: Fixture;
    let t: TestDatabase;
    let tenantId: number;
    let storeId: number;
    const settings = (overrides: Partial<LdapSettings>) =>
      JSON.stringify({ ...ldapSettingsFor(slapd, { pageSize: 10, ...overrides }), bindPassword: seal(slapd.rootPassword) });
    const signIn = (username: string) =>
      signInWithPassword(t.db, config, { username, password: fixture.password, kind: "console", ip: "203.0.113.31" });

    beforeAll(async () => {
      fixture = generateDirectory({ users: 30, groups: 3 });
      slapd = await startSlapd({ ldif: fixture.ldif });
      t = await createTestDatabase(kind);
      await provision(t.db, config);
      tenantId = await superTenantId(t.db);
      // First as a server without the id attribute (none of the users has a carLicense): named by DN.
      const store = await t.db.userStore.create({
        data: {
          tenantId,
          domain: "CORP",
          kind: "secondary",
          type: "ldap",
          readOnly: true,
          settings: settings({ uniqueIdAttribute: "carLicense" }),
        },
      });
      storeId = store.id;
    });
    afterAll(async () => {
      await slapd?.stop();
      await t?.drop();
    });

    it("names entries by DN without the attribute, then adopts those rows when the store switches to entryUUID", async () => {
      await syncStore(t.db, tenantId, storeId);
      const before = await t.db.user.findFirstOrThrow({ where: { storeId, username: "user000020" } });
      expect(before.externalId).toBe(fixture.users[20]!.dn);
      const group = await t.db.role.findFirstOrThrow({ where: { storeId, name: fixture.groups[0]!.cn } });

      await t.db.userStore.update({ where: { id: storeId }, data: { settings: settings({}) } });
      const result = await syncStore(t.db, tenantId, storeId);
      expect(result).toMatchObject({ created: 0, removed: 0 });
      const after = await t.db.user.findUniqueOrThrow({ where: { id: before.id } });
      expect(after.externalId).toMatch(UUID);
      expect((await t.db.role.findUniqueOrThrow({ where: { id: group.id } })).externalId).toMatch(UUID);
    });

    it("follows a user's modrdn: same user id, Internal roles, sessions and group memberships, the new name shown", async () => {
      const old = fixture.users.find((u) => u.uid.startsWith("user") && fixture.groups.some((g) => g.memberDns.includes(u.dn)))!;
      const user = await t.db.user.findFirstOrThrow({ where: { storeId, username: old.uid } });
      const internal = await t.db.userStore.findFirstOrThrow({ where: { tenantId, kind: "internal" } });
      const role = await t.db.role.create({
        data: {
          tenantId,
          storeId: internal.id,
          name: "renamed-login",
          nameKey: "renamed-login",
          nameSkeleton: "renamed-login",
          grants: { create: [{ permission: "/permission/admin/login" }] },
        },
      });
      const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
      await setUserRolesCommand.run(t.db, admin, { id: user.id, version: user.version, add: [role.id], remove: [] });
      expect(await signIn(`CORP/${old.uid}`)).toMatchObject({ ok: true, userId: user.id });
      const groups = fixture.groups.filter((g) => g.memberDns.includes(old.dn));
      expect(groups.length).toBeGreaterThan(0);
      const groupRoles = await t.db.role.findMany({ where: { storeId, name: { in: groups.map((g) => g.cn) } } });
      const memberships = () => t.db.membership.findMany({ where: { userId: user.id }, orderBy: { roleId: "asc" } });
      const held = (await memberships()).map((m) => m.roleId);
      expect(held).toEqual([...groupRoles.map((r) => r.id), role.id].sort((a, b) => a - b));

      const newDn = old.dn.replace(`uid=${old.uid}`, "uid=renamed-user");
      ldapTool(slapd, "ldapmodrdn", ["-r", old.dn, "uid=renamed-user"]);
      // What slapd's refint overlay (or Active Directory) does: the groups name the new DN.
      for (const g of groups) {
        ldapTool(
          slapd,
          "ldapmodify",
          [],
          `dn: ${g.dn}\nchangetype: modify\ndelete: member\nmember: ${old.dn}\n-\nadd: member\nmember: ${newDn}\n`,
        );
      }
      const result = await syncStore(t.db, tenantId, storeId);
      expect(result).toMatchObject({ created: 0, removed: 0 });

      const renamed = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(renamed).toMatchObject({ username: "renamed-user", externalId: user.externalId });
      expect((await memberships()).map((m) => m.roleId)).toEqual(held);
      expect(await t.db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
      expect(await signIn("CORP/renamed-user")).toMatchObject({ ok: true, userId: user.id });
      expect(await signIn(`CORP/${old.uid}`)).toEqual({ ok: false });
    });

    it("follows a group's modrdn: same role id and members, the new name shown", async () => {
      const old = fixture.groups[1]!;
      const role = await t.db.role.findFirstOrThrow({ where: { storeId, name: old.cn } });
      const members = async () => (await t.db.membership.findMany({ where: { roleId: role.id } })).map((m) => m.userId).sort();
      const before = await members();
      expect(before.length).toBeGreaterThan(0);

      ldapTool(slapd, "ldapmodrdn", ["-r", old.dn, "cn=renamed-group"]);
      const result = await syncStore(t.db, tenantId, storeId);
      expect(result).toMatchObject({ created: 0, removed: 0 });
      expect(await t.db.role.findUniqueOrThrow({ where: { id: role.id } })).toMatchObject({
        name: "renamed-group",
        externalId: role.externalId,
      });
      expect(await members()).toEqual(before);
    });
  });
});
