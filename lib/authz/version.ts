/**
 * The tenant's authorization version: one row, "AuthzVersion"(tenantId, version), bumped by
 * database triggers (migration 0009_authz_version) in the same transaction as every change that
 * can alter a decision or a principal. Caches key their entries by it, so a change committed on
 * any server process is seen by the next read of this row, with no messaging between processes.
 */
import type { Db, Tx } from "../db/client.ts";
import { sql } from "../db/sql.ts";

export async function readAuthzVersion(client: Pick<Db | Tx, "$queryRaw">, tenantId: number): Promise<number> {
  const rows = await client.$queryRaw<{ version: number | bigint }[]>(
    sql`SELECT "version" FROM "AuthzVersion" WHERE "tenantId" = ${tenantId}`,
  );
  // A missing row (a tenant the triggers never saw) reads as 0; caches then never share it with a real version.
  return rows[0] ? Number(rows[0].version) : 0;
}
