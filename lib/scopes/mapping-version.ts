/**
 * The tenant's scope-mapping version: one number for the whole scope -> role mapping and the
 * role aliases, kept in the Setting table under `scopes.mapping_version.<tenantId>`.
 *
 * Every read that feeds an editor returns it; every write takes it back (optional only for the
 * APIM-compatible PUTs, whose WSO2 contract has no version) and fails with STALE_VERSION when
 * someone saved in between. One number rather than per-scope versions because most edits
 * (a role's mapping, the matrix, an import) touch many scopes at once.
 *
 * `lockMappingVersion` must be the FIRST statement of a mapping write: on PostgreSQL it takes
 * the row lock that queues concurrent writers, so everything the write reads afterwards is
 * what the previous writer committed. (SQLite transactions are already exclusive.)
 */
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";

export const INITIAL_MAPPING_VERSION = 1;

export function mappingVersionKey(tenantId: number): string {
  return `scopes.mapping_version.${tenantId}`;
}

export async function readMappingVersion(client: Pick<Db | Tx, "setting">, tenantId: number): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: mappingVersionKey(tenantId) } });
  return row ? Number(row.value) : INITIAL_MAPPING_VERSION;
}

export const staleMappingError = () =>
  new AppError("STALE_VERSION", "Someone else changed the scope mappings after you opened them. Reload to see their change, then try again.");

/** Locks the version row (creating it on first use), checks `expected` when given, and returns the current version. */
export async function lockMappingVersion(tx: Pick<Tx, "setting">, tenantId: number, expected?: number): Promise<number> {
  const key = mappingVersionKey(tenantId);
  const touched = await tx.setting.updateMany({ where: { key }, data: { updatedAt: new Date() } });
  if (touched.count === 0) {
    // Two first writers racing here: the second one's insert fails on the primary key.
    await tx.setting.create({ data: { key, value: String(INITIAL_MAPPING_VERSION) } }).catch(() => {
      throw staleMappingError();
    });
  }
  const current = Number((await tx.setting.findUniqueOrThrow({ where: { key } })).value);
  if (expected !== undefined && expected !== current) throw staleMappingError();
  return current;
}

/** Called once per write that changed something, after lockMappingVersion. */
export async function bumpMappingVersion(tx: Pick<Tx, "setting">, tenantId: number, current: number): Promise<number> {
  await tx.setting.update({ where: { key: mappingVersionKey(tenantId) }, data: { value: String(current + 1) } });
  return current + 1;
}
