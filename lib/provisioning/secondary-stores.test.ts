import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { parseConfig } from "../config/load.ts";
import { forgetStoreKey } from "../stores/secrets.ts";
import { provision } from "./provision.ts";

const toml = (password: string, timeout = 5000) => `[[user_store.secondary]]
domain = "CORP"
type = "read_write_ldap"
description = "Staff directory"
connection_url = "ldap://ldap.corp.example"
connection_name = "cn=gatehouse,dc=corp,dc=example"
connection_password = "${password}"

[user_store.secondary.properties]
UserSearchBase = "ou=people,dc=corp,dc=example"
LDAPConnectionTimeout = "${timeout}"
`;

describe.each(await databaseKinds())("secondary stores from gatehouse.toml on %s", (kind) => {
  let t: TestDatabase;
  const previousKey = process.env.GATEHOUSE_STORE_KEY;

  beforeAll(async () => {
    process.env.GATEHOUSE_STORE_KEY = "a-test-store-key-of-at-least-32-characters";
    forgetStoreKey();
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.GATEHOUSE_STORE_KEY;
    else process.env.GATEHOUSE_STORE_KEY = previousKey;
    forgetStoreKey();
    await t.drop();
  });

  it("creates the store at start with its secret sealed, leaves it alone when unchanged, updates it when changed", async () => {
    const first = await provision(t.db, parseConfig(toml("bind-secret-1")));
    expect(first.created).toContain("user store CORP");
    const row = await t.db.userStore.findFirstOrThrow({ where: { domain: "CORP" }, include: { sync: true } });
    expect(row).toMatchObject({ kind: "secondary", type: "ldap", readOnly: false, description: "Staff directory", version: 1 });
    expect(row.sync).not.toBeNull();
    expect(row.settings).not.toContain("bind-secret-1");

    await provision(t.db, parseConfig(toml("bind-secret-1")));
    expect((await t.db.userStore.findUniqueOrThrow({ where: { id: row.id } })).version).toBe(1);

    await provision(t.db, parseConfig(toml("bind-secret-2", 7000)));
    const updated = await t.db.userStore.findUniqueOrThrow({ where: { id: row.id } });
    expect(updated.version).toBe(2);
    expect(JSON.parse(updated.settings!).connectTimeoutMs).toBe(7000);
    expect(updated.settings).not.toContain("bind-secret-2");
    const audits = await t.db.auditEvent.findMany({ where: { targetType: "userStore", targetId: String(row.id) } });
    expect(audits.map((a) => a.action)).toEqual(["store.added", "store.edited"]);
    expect(JSON.stringify(audits)).not.toMatch(/bind-secret|sealed:v1:/);
  });
});
