import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { generateDirectory } from "../../testing/ldap-fixture.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../testing/slapd.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { forgetStoreKey } from "../stores/secrets.ts";
import { syncStore } from "../user-stores/external/sync.ts";
import { addStoreCommand } from "./commands.ts";

const EMAIL = "http://wso2.org/claims/emailaddress";
const GIVEN = "http://wso2.org/claims/givenname";
const LAST = "http://wso2.org/claims/lastname";
const kinds = await databaseKinds();

// An LDAP store reads its claims through Settings › Claims' mappings (ClaimAttribute); its own
// claimAttributes setting is the default written there when it is added and at start-up.
describe.skipIf(!slapdAvailable())("claim mappings of an LDAP store, against slapd", () => {
  describe.each(kinds)("on %s", (kind) => {
    let t: TestDatabase;
    let slapd: Slapd;
    let admin: Actor;
    let tenantId: number;
    const fixture = generateDirectory({ users: 12, groups: 1 });
    const person = fixture.users[fixture.users.length - 1]!;
    const previousKey = process.env.GATEHOUSE_STORE_KEY;

    beforeAll(async () => {
      process.env.GATEHOUSE_STORE_KEY = "a-test-store-key-of-at-least-32-characters";
      forgetStoreKey();
      slapd = await startSlapd({ ldif: fixture.ldif });
      t = await createTestDatabase(kind);
      await provision(t.db, testConfig());
      tenantId = await superTenantId(t.db);
      admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    });
    afterAll(async () => {
      if (previousKey === undefined) delete process.env.GATEHOUSE_STORE_KEY;
      else process.env.GATEHOUSE_STORE_KEY = previousKey;
      forgetStoreKey();
      await slapd?.stop();
      await t?.drop();
    });

    const mappings = async (storeId: number) =>
      Object.fromEntries(
        (await t.db.claimAttribute.findMany({ where: { storeId }, include: { claim: true } })).map((a) => [a.claim.uri, a.attribute]),
      );
    const claimsOf = async (storeId: number, username: string) =>
      Object.fromEntries((await t.db.userClaim.findMany({ where: { user: { storeId, username } } })).map((c) => [c.claim, c.value]));
    const setMapping = async (storeId: number, uri: string, attribute: string) => {
      const claim = await t.db.claim.findUniqueOrThrow({ where: { tenantId_uri: { tenantId, uri } } });
      await t.db.claimAttribute.upsert({
        where: { claimId_storeId: { claimId: claim.id, storeId } },
        create: { claimId: claim.id, storeId, attribute },
        update: { attribute },
      });
    };

    it("writes the store's setting into ClaimAttribute when the store is added, and the mirror reads through it", async () => {
      const settings = {
        urls: [slapd.url],
        bindDn: slapd.rootDn,
        bindPassword: slapd.rootPassword,
        userSearchBase: slapd.peopleDn,
        groupSearchBase: slapd.groupsDn,
      };
      const { id } = await addStoreCommand.run(t.db, admin, addStoreCommand.input.parse({ type: "ldap", domain: "DIR", settings }));
      expect(await mappings(id)).toEqual({ [EMAIL]: "mail", [GIVEN]: "givenName", [LAST]: "sn" });
      await syncStore(t.db, tenantId, id);
      expect(await claimsOf(id, person.uid)).toMatchObject({ [EMAIL]: person.mail, [GIVEN]: person.givenName, [LAST]: person.sn });

      // Settings › Claims maps the email claim to another attribute, and drops the last name.
      await setMapping(id, EMAIL, "cn");
      const last = await t.db.claim.findUniqueOrThrow({ where: { tenantId_uri: { tenantId, uri: LAST } } });
      await t.db.claimAttribute.delete({ where: { claimId_storeId: { claimId: last.id, storeId: id } } });
      await syncStore(t.db, tenantId, id);
      const after = await claimsOf(id, person.uid);
      expect(after[EMAIL]).toBe(person.uid);
      expect(after[GIVEN]).toBe(person.givenName);
      expect(after[LAST]).toBeUndefined();

      // An attribute LDAP cannot name is left out rather than breaking the store.
      await setMapping(id, GIVEN, "not an attribute");
      await syncStore(t.db, tenantId, id);
      const invalid = await claimsOf(id, person.uid);
      expect(invalid[EMAIL]).toBe(person.uid);
      expect(invalid[GIVEN]).toBeUndefined();
    });

    it("at start-up gives a store without any mapping its setting's, adding claims the tenant lacks", async () => {
      const settings = JSON.stringify({
        urls: [slapd.url],
        bindDn: slapd.rootDn,
        userSearchBase: slapd.peopleDn,
        groupSearchBase: slapd.groupsDn,
        claimAttributes: { [EMAIL]: "mail", "http://example.com/claims/badge": "employeeNumber" },
      });
      // A store from before claims were data: its row only, no mappings.
      const store = await t.db.userStore.create({
        data: { tenantId, domain: "OLD", kind: "secondary", type: "ldap", readOnly: true, settings },
      });
      expect(await mappings(store.id)).toEqual({});
      const report = await provision(t.db, testConfig());
      expect(report.created).toContain("claim mappings of user store OLD");
      expect(await mappings(store.id)).toEqual({ [EMAIL]: "mail", "http://example.com/claims/badge": "employeeNumber" });
      const badge = await t.db.claim.findUniqueOrThrow({ where: { tenantId_uri: { tenantId, uri: "http://example.com/claims/badge" } } });
      expect(badge).toMatchObject({ builtIn: false, supportedByDefault: false, displayName: "badge" });
      // Once mapped, a restart changes nothing.
      expect((await provision(t.db, testConfig())).created).toEqual([]);
    });
  });
});
