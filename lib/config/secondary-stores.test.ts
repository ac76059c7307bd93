import { describe, expect, it } from "vitest";
import { parseConfig } from "./load.ts";

const LDAP = `[user_store]
username_java_regex = "^[\\\\S]{3,30}$"

[[user_store.secondary]]
domain = "corp.example"
type = "read_only_ldap"
connection_url = "ldaps://ldap1.corp.example ldaps://ldap2.corp.example"
connection_name = "cn=gatehouse,dc=corp,dc=example"
connection_password = "$env{STORE_ADMIN_TEST_PASSWORD}"

[user_store.secondary.properties]
UserSearchBase = "ou=people,dc=corp,dc=example"
LDAPConnectionTimeout = "3000"
StartTLSEnabled = "false"
syncIntervalMinutes = 30
`;

describe("[[user_store.secondary]] in gatehouse.toml", () => {
  it("reads a WSO2-style LDAP store: type, connection_* keys, WSO2 property names, $env{} secrets", () => {
    process.env.STORE_ADMIN_TEST_PASSWORD = "from-the-environment";
    const [store] = parseConfig(LDAP).user_store.secondary;
    expect(store).toMatchObject({ domain: "CORP.EXAMPLE", type: "ldap", readOnly: true, enabled: true });
    expect(store!.settings).toMatchObject({
      urls: ["ldaps://ldap1.corp.example", "ldaps://ldap2.corp.example"],
      bindDn: "cn=gatehouse,dc=corp,dc=example",
      bindPassword: "from-the-environment",
      userSearchBase: "ou=people,dc=corp,dc=example",
      connectTimeoutMs: 3000,
      startTls: false,
      syncIntervalMinutes: 30,
    });
  });

  it("keeps the PRIMARY [user_store] keys working beside the secondary stores", () => {
    expect(parseConfig(LDAP.replace("$env{STORE_ADMIN_TEST_PASSWORD}", "x")).user_store.username_java_regex).toBe("^[\\S]{3,30}$");
    expect(parseConfig("").user_store.secondary).toEqual([]);
  });

  it("reads a WSO2 JDBC store", () => {
    const source =
      `[[user_store.secondary]]\n` +
      `domain = "LEGACY"\n` +
      `type = "database_unique_id"\n` +
      `read_only = true\n` +
      `connection_url = "postgresql://wso2@db/wso2"\n` +
      `[user_store.secondary.properties]\n` +
      `PasswordDigest = "SHA-1"\n`;
    const [store] = parseConfig(source).user_store.secondary;
    expect(store).toMatchObject({
      domain: "LEGACY",
      type: "jdbc",
      readOnly: true,
      settings: { passwordDigest: "SHA-1", wso2TenantId: -1234 },
    });
  });

  it("names the line of a bad value, an unknown property, a missing variable and a reserved or repeated domain", () => {
    const second =
      `\n` +
      `[[user_store.secondary]]\n` +
      `domain = "LEGACY"\n` +
      `type = "database_unique_id"\n` +
      `connection_url = "postgresql://wso2@db/wso2"\n` +
      `[user_store.secondary.properties]\n` +
      `PasswordDigest = "SHA-999"\n` +
      `Bogus = "1"\n`;
    const message = (source: string) => {
      try {
        parseConfig(source);
        return "";
      } catch (error) {
        return String((error as Error).message);
      }
    };
    delete process.env.STORE_ADMIN_TEST_PASSWORD;
    const errors = message(LDAP + second);
    expect(errors).toContain(
      "gatehouse.toml:9: [user_store.secondary.0] connection_password: the environment variable STORE_ADMIN_TEST_PASSWORD is not set",
    );
    expect(errors).toContain("gatehouse.toml:22: [user_store.secondary.1.properties] PasswordDigest: Invalid option");
    expect(errors).toContain("gatehouse.toml:23: [user_store.secondary.1.properties] Bogus: unknown property");
    expect(message(`[[user_store.secondary]]\ndomain = "primary"\ntype = "read_only_ldap"\nconnection_url = "ldap://x"\n`)).toMatch(
      /^gatehouse\.toml:2: \[user_store\.secondary\.0\] domain: PRIMARY, Internal and Application are reserved/,
    );
    const twice =
      `[[user_store.secondary]]\n` +
      `domain = "A"\n` +
      `type = "database"\n` +
      `connection_url = "postgresql://db/a"\n` +
      `[[user_store.secondary]]\n` +
      `domain = "a"\n` +
      `type = "database"\n` +
      `connection_url = "postgresql://db/a"\n`;
    expect(message(twice)).toBe("gatehouse.toml:6: [user_store.secondary.1] domain: A is configured twice");
  });
});
