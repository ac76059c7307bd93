import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { uniqueName } from "./databases.ts";

/**
 * A throwaway WSO2 user database for tests: a uniquely named PostgreSQL database with WSO2's UM
 * tables (testing/wso2/postgresql.sql) and seeded users, roles and memberships whose passwords
 * are in WSO2's salted SHA-256 format, hashed here independently of lib/.
 */
const ADMIN_URL = process.env.GATEHOUSE_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DDL = fs.readFileSync(new URL("./wso2/postgresql.sql", import.meta.url), "utf8");
export const CARBON_SUPER = -1234;

export type Wso2Database = { url: string; client: pg.Client; drop: () => Promise<void> };
export type Wso2Seed = { users: number; roles: number; membersPerRole: number; password: string; tenantId?: number; prefix?: string };

/** WSO2's JDBC hash written out from its documented algorithm: Base64(SHA-256(UTF-8(password + salt))). */
export function wso2Sha256(password: string, salt: string): string {
  return crypto
    .createHash("sha256")
    .update(Buffer.from(password + salt, "utf8"))
    .digest("base64");
}

export async function createWso2Database(): Promise<Wso2Database> {
  const name = uniqueName("gatehouse_wso2");
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(DDL);
  await client.query(
    `INSERT INTO UM_DOMAIN (UM_DOMAIN_NAME, UM_TENANT_ID) VALUES ('PRIMARY', $1), ('SYSTEM', $1), ('INTERNAL', $1), ('APPLICATION', $1)`,
    [CARBON_SUPER],
  );
  return {
    url: url.toString(),
    client,
    drop: async () => {
      await client.end();
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * Seeds users `<prefix>user-<i>` (each with a fresh 16-byte Base64 salt and an e-mail attribute in
 * the default profile), roles `<prefix>role-<j>`, and the first membersPerRole users in each role.
 * Set-based inserts, so 10,000 users take one statement.
 */
export async function seedWso2(client: pg.Client, seed: Wso2Seed): Promise<void> {
  const tenant = seed.tenantId ?? CARBON_SUPER;
  const prefix = seed.prefix ?? "";
  const names: string[] = [];
  const uuids: string[] = [];
  const hashes: string[] = [];
  const salts: string[] = [];
  for (let i = 1; i <= seed.users; i++) {
    const salt = crypto.randomBytes(16).toString("base64");
    names.push(`${prefix}user-${i}`);
    uuids.push(crypto.randomUUID());
    salts.push(salt);
    hashes.push(wso2Sha256(seed.password, salt));
  }
  await client.query(
    `INSERT INTO UM_USER (UM_USER_ID, UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_REQUIRE_CHANGE, UM_CHANGED_TIME, UM_TENANT_ID)
     SELECT u, n, h, s, FALSE, LOCALTIMESTAMP, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(u, n, h, s)`,
    [uuids, names, hashes, salts, tenant],
  );
  await client.query(
    `INSERT INTO UM_USER_ATTRIBUTE (UM_USER_ID, UM_ATTR_NAME, UM_ATTR_VALUE, UM_PROFILE_ID, UM_TENANT_ID)
     SELECT UM_ID, 'mail', UM_USER_NAME || '@example.org', 'default', UM_TENANT_ID FROM UM_USER WHERE UM_USER_NAME = ANY($1::text[]) AND UM_TENANT_ID = $2`,
    [names, tenant],
  );
  const roles = Array.from({ length: seed.roles }, (_, j) => `${prefix}role-${j + 1}`);
  await client.query(`INSERT INTO UM_ROLE (UM_ROLE_NAME, UM_TENANT_ID) SELECT r, $2 FROM unnest($1::text[]) AS r`, [roles, tenant]);
  await client.query(
    `INSERT INTO UM_USER_ROLE (UM_USER_ID, UM_ROLE_ID, UM_TENANT_ID)
     SELECT u.UM_ID, r.UM_ID, $3 FROM UM_ROLE r
       JOIN UM_USER u ON u.UM_TENANT_ID = r.UM_TENANT_ID AND u.UM_USER_NAME = ANY($2::text[])
      WHERE r.UM_ROLE_NAME = ANY($1::text[]) AND r.UM_TENANT_ID = $3`,
    [roles, names.slice(0, seed.membersPerRole), tenant],
  );
  // Statistics as autovacuum would have them on a live WSO2 database, so plans are the ones production gets.
  await client.query("ANALYZE");
}
