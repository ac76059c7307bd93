/**
 * The tenant's authorization version: one row, "AuthzVersion"(tenantId, version), bumped by
 * database triggers (migration 0009_authz_version) in the same transaction as every change that
 * can alter a decision or a principal. Caches key their entries by it, so a change committed on
 * any server process is seen by the next read of this row, with no messaging between processes.
 */
import type { Tx } from "../db/client.ts";
import { int, readRows, type Reader } from "../db/raw-read.ts";
import { sql } from "../db/sql.ts";

export async function readAuthzVersion(client: Reader, tenantId: number): Promise<number> {
  const [version] = await readRows(client, sql`SELECT "version" FROM "AuthzVersion" WHERE "tenantId" = ${tenantId}`, (r) => int(r.version));
  // A missing row (a tenant the triggers never saw) reads as 0; caches then never share it with a real version.
  return version ?? 0;
}

/**
 * A bump for a change no trigger watches (a user's `disabledAt`, which only the account-state
 * commands write). Called as the transaction's last statement, so the row is held only until
 * commit, as the triggers' own bump at commit is on PostgreSQL.
 */
export async function bumpAuthzVersion(tx: Tx, tenantId: number): Promise<void> {
  await tx.$executeRaw(sql`UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = ${tenantId}`);
}
