// The WSO2 UM database the JDBC directory's tests share: 25 users and 12 roles in carbon.super,
// beside another tenant's rows that must never show through.
import { afterAll, beforeAll } from "vitest";
import { createWso2Database, seedWso2, type Wso2Database } from "./wso2-jdbc.ts";
import type { Directory } from "../lib/user-stores/external/directory.ts";
import { ZJdbcSettings } from "../lib/user-stores/external/settings.ts";
import { createJdbcDirectory } from "../lib/user-stores/external/jdbc/jdbc-directory.ts";

export const MAIL = "http://wso2.org/claims/emailaddress";
export const PASSWORD = "Seeded-pässword-1";

export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** Call inside a describe: a fresh seeded WSO2 database and a directory on it for that describe, dropped after it. */
export function wso2DirectoryFixture() {
  let wso2: Wso2Database;
  let directory: Directory;
  const open = (extra: Record<string, unknown> = {}, readOnly = false) =>
    createJdbcDirectory(ZJdbcSettings.parse({ url: wso2.url, pageSize: 10, ...extra }), readOnly);
  const row = async (sql: string, values: unknown[] = []) => (await wso2.client.query(sql, values)).rows;

  beforeAll(async () => {
    wso2 = await createWso2Database();
    await seedWso2(wso2.client, { users: 25, roles: 12, membersPerRole: 5, password: PASSWORD });
    // Another tenant's rows share the tables and must never show through.
    await seedWso2(wso2.client, { users: 3, roles: 2, membersPerRole: 3, password: PASSWORD, tenantId: 7, prefix: "other-" });
    directory = open();
  });
  afterAll(async () => {
    await directory?.close();
    await wso2?.drop();
  });
  return {
    get wso2() {
      return wso2;
    },
    get directory() {
      return directory;
    },
    open,
    row,
  };
}
