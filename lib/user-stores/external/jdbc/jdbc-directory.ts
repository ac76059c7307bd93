import { guardedWrites, type Directory } from "../directory.ts";
import type { JdbcSettings } from "../settings.ts";
import { createWso2Pool } from "./pool.ts";
import { testWso2Connection } from "./test-connection.ts";
import { userQueries } from "./wso2-reads.ts";
import { userWrites } from "./wso2-writes.ts";

/**
 * A WSO2 JDBC user database (PostgreSQL) used in place: Gatehouse reads and writes WSO2's UM_*
 * tables in WSO2's own format, so WSO2 and Gatehouse can share the database. See docs/wso2-jdbc.md.
 */
export function createJdbcDirectory(settings: JdbcSettings, readOnly: boolean): Directory {
  const pool = createWso2Pool(settings);
  const reads = userQueries(pool, settings);
  const writes = userWrites(pool, settings);

  return {
    readOnly,
    test: () =>
      testWso2Connection(pool, settings, async () => {
        for await (const page of reads.users()) return page;
        return [];
      }),
    users: reads.users,
    groups: reads.groups,
    findUser: reads.findUser,
    findGroup: reads.findGroup,
    authenticate: reads.authenticate,
    ...guardedWrites(writes, readOnly, "This WSO2 user store is read-only; change its users and roles in WSO2."),
    close: () => pool.end(),
  };
}
