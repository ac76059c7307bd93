import type { Db, Tx } from "../../db/client.ts";
import { bool, int, readRows, readRowsByIds, text, textOrNull, type RawRow } from "../../db/raw-read.ts";
import { sql } from "../../db/sql.ts";
import { AppError } from "../../errors.ts";
import { withClaimMap, type ClaimAttributeRow } from "./claim-map.ts";
import type { ExternalStoreRow } from "./directory-for.ts";

export type ExternalStore = ExternalStoreRow & { tenantId: number; enabled: boolean };

type Reader = Pick<Db | Tx, "$queryRaw">;

// The store's columns and, one row each, its ClaimAttribute mappings (Settings › Claims), in one
// statement: sign-in reads this on every attempt. The store's settings text then carries the
// mappings (claim-map.ts), so the directory opened from it follows them.
const STORE_COLUMNS = sql`s."id" AS "storeId", s."tenantId", s."domain", s."type", s."readOnly", s."settings", s."enabled", c."uri", a."attribute"`;
const CLAIM_JOIN = sql`LEFT JOIN ("ClaimAttribute" a JOIN "Claim" c ON c."id" = a."claimId")
  ON a."storeId" = s."id" AND c."tenantId" = s."tenantId"`;

type Joined = { store: ExternalStore; claim: ClaimAttributeRow | null };

function joined(r: RawRow): Joined {
  const uri = textOrNull(r.uri);
  const attribute = textOrNull(r.attribute);
  return {
    store: {
      id: int(r.storeId),
      tenantId: int(r.tenantId),
      domain: text(r.domain),
      type: text(r.type),
      readOnly: bool(r.readOnly),
      settings: textOrNull(r.settings),
      enabled: bool(r.enabled),
    },
    claim: uri !== null && attribute !== null ? { claim: { uri }, attribute } : null,
  };
}

function withClaims(rows: readonly Joined[]): ExternalStore {
  const { store } = rows[0]!;
  const claims = rows.flatMap((r) => (r.claim ? [r.claim] : []));
  return { ...store, settings: withClaimMap(store.type, store.settings, claims) };
}

/**
 * An external store's row with its (sealed) settings, whose claim map is Settings › Claims' for
 * the store: read where a Directory is opened, never listed.
 */
export async function readExternalStore(client: Reader, tenantId: number, storeId: number): Promise<ExternalStore> {
  const rows = await readRows(
    client,
    sql`SELECT ${STORE_COLUMNS} FROM "UserStore" s ${CLAIM_JOIN} WHERE s."id" = ${storeId} AND s."tenantId" = ${tenantId}`,
    joined,
  );
  if (rows.length === 0 || rows[0]!.store.type === "database") throw new AppError("NOT_FOUND", "There is no such external user store.");
  return withClaims(rows);
}

/** The external stores of users, by user id (database stores' users are absent). */
export async function externalStoresOfUsers(
  client: Reader,
  tenantId: number,
  userIds: readonly number[],
): Promise<Map<number, ExternalStore & { externalId: string; username: string }>> {
  const rows = await readRowsByIds(
    client,
    userIds,
    (ids) => sql`SELECT u."id" AS "userId", u."externalId", u."username", ${STORE_COLUMNS}
      FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId" AND s."tenantId" = u."tenantId" ${CLAIM_JOIN}
      WHERE u."tenantId" = ${tenantId} AND u."id" IN (${ids}) AND s."type" <> 'database'`,
    (r) => ({ userId: int(r.userId), externalId: textOrNull(r.externalId) ?? "", username: text(r.username), ...joined(r) }),
  );
  const byUser = new Map<number, typeof rows>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  return new Map(
    [...byUser].map(([id, userRows]) => [
      id,
      { ...withClaims(userRows), externalId: userRows[0]!.externalId, username: userRows[0]!.username },
    ]),
  );
}
