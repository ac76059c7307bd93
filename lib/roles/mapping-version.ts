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
 * what the previous writer committed. (SQLite transactions are already exclusive.) Provisioning
 * creates the row for every tenant; the lock still creates a missing one, race-free.
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
  new AppError(
    "STALE_VERSION",
    "Someone else changed the scope mappings after you opened them. Reload to see their change, then try again.",
  );

/**
 * Locks the version row (creating it if missing), checks `expected` when given, and returns the
 * current version. One statement, INSERT ... ON CONFLICT DO UPDATE (Prisma's native upsert on
 * both providers): concurrent first writers queue on the new row instead of failing to create it.
 */
export async function lockMappingVersion(tx: Pick<Tx, "setting">, tenantId: number, expected?: number): Promise<number> {
  const key = mappingVersionKey(tenantId);
  const create = { key, value: String(INITIAL_MAPPING_VERSION) };
  const row = await tx.setting.upsert({ where: { key }, create, update: { updatedAt: new Date() } });
  const current = Number(row.value);
  if (expected !== undefined && expected !== current) throw staleMappingError();
  return current;
}

/** Provisioning: the row exists before the first write, so no writer has to create it. */
export async function ensureMappingVersion(tx: Pick<Tx, "setting">, tenantId: number): Promise<void> {
  const key = mappingVersionKey(tenantId);
  await tx.setting.upsert({ where: { key }, create: { key, value: String(INITIAL_MAPPING_VERSION) }, update: {} });
}

/**
 * Options for every transaction that takes the lock. Writers queue on the row, and at 20 in
 * flight the last one waits for nineteen others: Prisma's default 5 s interactive-transaction
 * timeout (which counts that wait) refused some of them as errors. 30 s queues a burst of
 * whole-mapping writes on a loaded server while still ending a transaction that hangs; maxWait
 * covers the wait for a pooled connection (PostgreSQL) or the SQLite gate in the same burst.
 */
export const MAPPING_WRITE_TX = { maxWait: 30_000, timeout: 30_000 } as const;

/** Called once per write that changed something, after lockMappingVersion. */
export async function bumpMappingVersion(tx: Pick<Tx, "setting">, tenantId: number, current: number): Promise<number> {
  await tx.setting.update({ where: { key: mappingVersionKey(tenantId) }, data: { value: String(current + 1) } });
  return current + 1;
}
