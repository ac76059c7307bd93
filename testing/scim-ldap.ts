// A Gatehouse with LDAP secondary stores on a private slapd for SCIM's tests (#16): the route
// handlers through testing/scim-client.ts, and the directory read back with ldapts itself, never
// through Gatehouse's own LDAP code, so a test sees what the directory really holds.
import { Attribute, Change, Client } from "ldapts";
import { provision } from "../lib/provisioning/provision.ts";
import { seal } from "../lib/stores/secrets.ts";
import { syncStore } from "../lib/user-stores/external/sync.ts";
import { testConfig } from "./config.ts";
import { createTestDatabase, type DbKind, type TestDatabase } from "./databases.ts";
import { generateDirectory, ldapSettingsFor } from "./ldap-fixture.ts";
import { basic } from "./oauth2-client.ts";
import { useTestApp } from "./route-harness.ts";
import { type ScimCall, scimCaller } from "./scim-client.ts";
import { seedUser, superTenantId } from "./seed.ts";
import { type Slapd, startSlapd } from "./slapd.ts";

process.env.GATEHOUSE_STORE_KEY ??= "test-store-key-for-the-scim-ldap-suite-0123456789";

export type ScimLdap = {
  slapd: Slapd;
  t: TestDatabase;
  tenantId: number;
  /** Store ids by domain: LDAP1 (read-write) and LDAPRO (read-only, the same directory). */
  stores: Record<"LDAP1" | "LDAPRO", number>;
  scim: ScimCall;
  /** The entry's attributes as the directory holds them (lower-cased names), or null when absent. */
  entry(dn: string): Promise<Record<string, string[]> | null>;
  /** Changes the directory behind Gatehouse's back. */
  modify(dn: string, attribute: string, values: string[]): Promise<void>;
  add(dn: string, attributes: Record<string, string | string[]>): Promise<void>;
  remove(dn: string): Promise<void>;
  /** Whether the directory accepts a simple bind as `dn` with `password`. */
  binds(dn: string, password: string): Promise<boolean>;
  sync(domain?: "LDAP1" | "LDAPRO"): Promise<unknown>;
  stop(): Promise<void>;
};

export async function startScimLdap(kind: DbKind): Promise<ScimLdap> {
  const slapd = await startSlapd({ ldif: generateDirectory({ users: 25, groups: 1 }).ldif });
  const t = await createTestDatabase(kind);
  useTestApp(t.db);
  await provision(t.db, testConfig());
  const tenantId = await superTenantId(t.db);
  const admin = await seedUser(t.db, { admin: true });
  const settings = JSON.stringify({ ...ldapSettingsFor(slapd, { pageSize: 10 }), bindPassword: seal(slapd.rootPassword) });
  const stores = { LDAP1: 0, LDAPRO: 0 };
  for (const domain of ["LDAP1", "LDAPRO"] as const) {
    const row = await t.db.userStore.create({
      data: { tenantId, domain, kind: "secondary", type: "ldap", readOnly: domain === "LDAPRO", settings },
    });
    stores[domain] = row.id;
    await syncStore(t.db, tenantId, row.id);
  }
  const client = () => new Client({ url: slapd.url });
  const bound = async <T>(work: (c: Client) => Promise<T>): Promise<T> => {
    const c = client();
    try {
      await c.bind(slapd.rootDn, slapd.rootPassword);
      return await work(c);
    } finally {
      await c.unbind();
    }
  };
  return {
    slapd,
    t,
    tenantId,
    stores,
    scim: scimCaller(t.db, basic(admin.username, admin.password)),
    entry: (dn) =>
      bound(async (c) => {
        try {
          const { searchEntries } = await c.search(dn, { scope: "base", attributes: ["*", "+"] });
          const found = searchEntries[0];
          if (!found) return null;
          const attributes: Record<string, string[]> = {};
          for (const [name, value] of Object.entries(found)) {
            if (name !== "dn") attributes[name.toLowerCase()] = (Array.isArray(value) ? value : [value]).map(String);
          }
          return attributes;
        } catch (error) {
          if ((error as { code?: number }).code === 32) return null; // noSuchObject
          throw error;
        }
      }),
    modify: (dn, attribute, values) =>
      bound(async (c) => {
        await c.modify(dn, new Change({ operation: "replace", modification: new Attribute({ type: attribute, values }) }));
      }),
    add: (dn, attributes) => bound((c) => c.add(dn, attributes)),
    remove: (dn) => bound((c) => c.del(dn)),
    async binds(dn, password) {
      const c = client();
      try {
        await c.bind(dn, password);
        return true;
      } catch {
        return false;
      } finally {
        await c.unbind();
      }
    },
    sync: (domain = "LDAP1") => syncStore(t.db, tenantId, stores[domain]),
    async stop() {
      await slapd.stop();
      await t.drop();
    },
  };
}
