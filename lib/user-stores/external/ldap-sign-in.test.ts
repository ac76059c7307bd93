import { Attribute, Change, Client } from "ldapts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../testing/actor.ts";
import { testConfig } from "../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../testing/databases.ts";
import { ldapSettingsFor } from "../../../testing/ldap-fixture.ts";
import { NESTED_PASSWORD, nestedDirectory } from "../../../testing/ldap-nested.ts";
import { seedUser, superTenantId } from "../../../testing/seed.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../../testing/slapd.ts";
import { signInWithPassword } from "../../auth/sign-in.ts";
import { createDb, type Db } from "../../db/client.ts";
import { provision } from "../../provisioning/provision.ts";
import { roleNameColumns } from "../../stores/look-alike.ts";
import { seal } from "../../stores/secrets.ts";
import { setUserRolesCommand } from "../../users/commands.ts";
import { createExternalStore } from "./external-store.ts";
import { syncStore } from "./sync.ts";

const kinds = await databaseKinds();
const runs = slapdAvailable() || process.env.CI !== undefined;
const config = testConfig({ rate_limit: { per_address: 10_000, global: 10_000 } });
const EMAIL = "http://wso2.org/claims/emailaddress";
process.env.GATEHOUSE_STORE_KEY ??= "test-store-key-for-the-ldap-sign-in-suite-0123456789";

/** An LDAP store with nested groups on, mirrored from slapd: memberships from nesting, and what a sign-in writes. */
describe.skipIf(!runs)("LDAP sign-in and the mirror", () => {
  describe.each(kinds)("on %s", (kind) => {
    let slapd: Slapd;
    let t: TestDatabase;
    let tenantId: number;
    let store: { id: number; domain: string; kind: string; readOnly: boolean; type: string };
    let ldap: Client;
    const statements: string[] = [];
    let counted: Db;
    beforeAll(async () => {
      const suffix = "dc=signin,dc=test";
      slapd = await startSlapd({ suffix, ldif: nestedDirectory(suffix) });
      ldap = new Client({ url: slapd.url });
      await ldap.bind(slapd.rootDn, slapd.rootPassword);
      t = await createTestDatabase(kind);
      await provision(t.db, config);
      tenantId = await superTenantId(t.db);
      const settings = { ...ldapSettingsFor(slapd, { nestedGroups: true }), bindPassword: seal(slapd.rootPassword) };
      store = await t.db.userStore.create({
        data: { tenantId, domain: "NEST", kind: "secondary", type: "ldap", readOnly: true, settings: JSON.stringify(settings) },
        select: { id: true, domain: true, kind: true, readOnly: true, type: true },
      });
      counted = createDb(t.target, { onStatement: (sql) => statements.push(sql) });
      await syncStore(t.db, tenantId, store.id);
    });
    afterAll(async () => {
      await counted?.$disconnect();
      await ldap?.unbind();
      await slapd?.stop();
      await t?.drop();
    });

    const groupsOf = async (username: string) =>
      (await t.db.membership.findMany({ where: { user: { storeId: store.id, username } }, include: { role: true } }))
        .filter((m) => m.role.storeId === store.id)
        .map((m) => m.role.name)
        .sort();
    const change = (dn: string, operation: "add" | "delete" | "replace", type: string, values: string[]) =>
      ldap.modify(dn, new Change({ operation, modification: new Attribute({ type, values }) }));
    const writes = () => statements.filter((sql) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(sql));

    it("a sync gives the members of nested groups the outer groups' roles, and a sign-in reads new nesting live", async () => {
      expect(await groupsOf("ann")).toEqual(["devs", "eng", "staff"]);
      expect(await groupsOf("cid")).toEqual(["cyc-a", "cyc-b"]);

      const cid = await t.db.user.findFirstOrThrow({ where: { storeId: store.id, username: "cid" } });
      const internal = await t.db.userStore.findFirstOrThrow({ where: { tenantId, kind: "internal" } });
      const login = await t.db.role.create({
        data: {
          tenantId,
          storeId: internal.id,
          ...roleNameColumns("nest-login"),
          grants: { create: [{ permission: "/permission/admin/login" }] },
        },
      });
      const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
      await setUserRolesCommand.run(t.db, admin, { id: cid.id, version: cid.version, add: [login.id], remove: [] });

      // The directory now nests cyc-a in devs: cid's next sign-in brings devs, eng and staff.
      await change(`cn=devs,${slapd.groupsDn}`, "add", "member", [`cn=cyc-a,${slapd.groupsDn}`]);
      const signIn = { username: "NEST/cid", password: NESTED_PASSWORD, kind: "console", ip: "203.0.113.40" } as const;
      expect(await signInWithPassword(t.db, config, signIn)).toMatchObject({ ok: true, userId: cid.id });
      expect(await groupsOf("cid")).toEqual(["cyc-a", "cyc-b", "devs", "eng", "staff"]);
    });

    it("an unchanged user's sign-in writes nothing to the mirror; a changed claim or group is still written", async () => {
      const ldapStore = createExternalStore("ldap");
      const lookUp = async () => {
        statements.length = 0;
        expect(await ldapStore.findLogin(counted, tenantId, store, "ann")).not.toBeNull();
      };
      const ann = await t.db.user.findFirstOrThrow({ where: { storeId: store.id, username: "ann" } });
      await lookUp();
      expect(writes()).toEqual([]);
      // Once connected: the store's row, and the one read comparing the user's row, claims and groups with the directory's answer.
      await lookUp();
      expect(statements).toHaveLength(2);
      expect(await t.db.user.findUniqueOrThrow({ where: { id: ann.id } })).toEqual(ann);

      await change(`uid=ann,${slapd.peopleDn}`, "add", "mail", ["ann@example.test"]);
      await lookUp();
      expect(writes().length).toBeGreaterThan(0);
      expect(await t.db.userClaim.findMany({ where: { userId: ann.id, claim: EMAIL } })).toMatchObject([{ value: "ann@example.test" }]);

      // Out of devs, ann is in none of devs, eng (through devs) or staff (through eng).
      await change(`cn=devs,${slapd.groupsDn}`, "delete", "member", [`uid=ann,${slapd.peopleDn}`]);
      await lookUp();
      expect(await groupsOf("ann")).toEqual([]);

      await lookUp();
      expect(writes()).toEqual([]);
    });
  });
});
