import { afterAll, describe } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { ldapSettingsFor } from "../../testing/ldap-fixture.ts";
import { superTenantId } from "../../testing/seed.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../testing/slapd.ts";
import { createWso2Database, type Wso2Database } from "../../testing/wso2-jdbc.ts";
import type { Db } from "../db/client.ts";
import { provision } from "../provisioning/provision.ts";
import { findStore } from "../stores/list-stores.ts";
import { attachDirectory } from "./external/directory-for.ts";
import type { Directory } from "./external/directory.ts";
import { createJdbcDirectory } from "./external/jdbc/jdbc-directory.ts";
import { createLdapDirectory } from "./external/ldap/ldap-directory.ts";
import { ZJdbcSettings } from "./external/settings.ts";
import { syncStore } from "./external/sync.ts";
import { type ContractSetup, userStoreContract } from "./user-store-contract.ts";
import { userStoreFor } from "./user-store-for.ts";

const kinds = await databaseKinds();
const runsLdap = slapdAvailable() || process.env.CI !== undefined;
// The contract's claim, mapped to an attribute each directory keeps (inetOrgPerson's `o`; any
// UM_ATTR_NAME in WSO2). Only this claim is mapped, so the cn/sn an LDAP entry must carry and
// the claims WSO2 keeps itself do not show up as claims the contract did not set.
const CLAIMS = { "http://wso2.org/claims/organization": "o" };

const opened: Directory[] = [];
afterAll(() => Promise.all(opened.splice(0).map((d) => d.close())));

type Directories = { directory: (readOnly: boolean) => Directory; type: "ldap" | "jdbc"; seedMember?: string };

/**
 * The UserStore contract against a real directory: a read-write store and a read-only one over
 * the same directory, with one group (made in the directory, then synced). What differs from
 * the database store is documented where the contract allows it (`group.memberCount`).
 */
async function setUp(db: Db, d: Directories, prefix: string): Promise<ContractSetup> {
  await provision(db, testConfig());
  const tenantId = await superTenantId(db);
  const rows = [
    { domain: "DIR", readOnly: false },
    { domain: "DIRRO", readOnly: true },
  ];
  for (const row of rows) {
    const store = await db.userStore.create({
      data: { tenantId, kind: "secondary", type: d.type, settings: JSON.stringify({ contract: row.domain }), ...row },
    });
    attachDirectory(store, d.directory(row.readOnly));
  }
  const store = await findStore(db, tenantId, "DIR");
  // A groupOfNames needs a member: the directory's seed user, outside the contract's prefix.
  const members = d.seedMember ? [d.seedMember] : [];
  await d.directory(false).createGroup(`${prefix}group`, members);
  await syncStore(db, tenantId, store.id);
  const group = await db.role.findFirstOrThrow({ where: { storeId: store.id, name: `${prefix}group` } });
  return {
    db,
    tenantId,
    users: userStoreFor(store),
    store,
    readOnlyStore: await findStore(db, tenantId, "DIRRO"),
    group: { id: group.id, memberCount: group.memberCount },
    prefix,
  };
}

describe.skipIf(!runsLdap)("the LDAP user store (slapd)", () => {
  describe.each(kinds)("on %s", (kind) => {
    let slapd: Slapd;
    let t: TestDatabase;
    afterAll(async () => {
      await Promise.all(opened.splice(0).map((d) => d.close()));
      await slapd?.stop();
      await t?.drop();
    });
    userStoreContract(async () => {
      const seed = "seed-member";
      slapd = await startSlapd({
        ldif: [
          `dn: uid=${seed},ou=people,dc=gatehouse,dc=test`,
          "objectClass: inetOrgPerson",
          `uid: ${seed}`,
          `cn: ${seed}`,
          `sn: ${seed}`,
        ].join("\n"),
      });
      t = await createTestDatabase(kind);
      const settings = ldapSettingsFor(slapd, { claimAttributes: CLAIMS });
      const directories = new Map([false, true].map((readOnly) => [readOnly, createLdapDirectory(settings, readOnly)]));
      opened.push(...directories.values());
      const seedId = (await directories.get(false)!.findUser(seed))!.externalId;
      return setUp(t.db, { type: "ldap", directory: (readOnly) => directories.get(readOnly)!, seedMember: seedId }, "ct_");
    });
  });
});

// WSO2's user database is PostgreSQL: without one there is no JDBC store to test.
describe.skipIf(!kinds.includes("postgres"))("the WSO2 JDBC user store", () => {
  describe.each(kinds)("on %s", (kind) => {
    let wso2: Wso2Database;
    let t: TestDatabase;
    afterAll(async () => {
      await Promise.all(opened.splice(0).map((d) => d.close()));
      await t?.drop();
      await wso2?.drop();
    });
    userStoreContract(async () => {
      wso2 = await createWso2Database();
      t = await createTestDatabase(kind);
      const settings = ZJdbcSettings.parse({ url: wso2.url, claimAttributes: { "http://wso2.org/claims/organization": "organization" } });
      const directories = new Map([false, true].map((readOnly) => [readOnly, createJdbcDirectory(settings, readOnly)]));
      opened.push(...directories.values());
      return setUp(t.db, { type: "jdbc", directory: (readOnly) => directories.get(readOnly)! }, "ct_");
    });
  });
});
