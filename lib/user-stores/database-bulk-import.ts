import type { Tx } from "../db/client.ts";
import { readRows, int, text, type Reader } from "../db/raw-read.ts";
import { join, sql } from "../db/sql.ts";
import { jsonTable } from "./external/json-table.ts";
import { usernameColumns } from "../stores/look-alike.ts";
import type { BulkImporter, ImportedUser } from "./user-store.ts";

const USER_COLUMNS = { username: "text", usernameKey: "text", usernameSkeleton: "text", hash: "text", must: "integer" } as const;
const CLAIM_COLUMNS = { userId: "integer", claim: "text", value: "text" } as const;
const MEMBERSHIP_COLUMNS = { userId: "integer", roleId: "integer" } as const;

/**
 * The database store's bulk path for imports (lib/user-import): one SELECT finds every name of
 * a chunk that is taken or looked-alike, and one INSERT … RETURNING writes a chunk's users (the rows
 * travel as one JSON parameter), then one INSERT each their claims and memberships.
 */
export const databaseBulkImporter: BulkImporter = {
  async conflicts(client: Reader, tenantId, storeId, names) {
    if (names.length === 0) return [];
    const keys = names.map((n) => usernameColumns(n));
    return readRows(
      client,
      sql`SELECT "id", "username", "usernameKey", "usernameSkeleton", "version" FROM "User"
        WHERE "tenantId" = ${tenantId} AND "storeId" = ${storeId}
          AND ("usernameKey" IN (${join(keys.map((k) => k.usernameKey))}) OR "usernameSkeleton" IN (${join(keys.map((k) => k.usernameSkeleton))}))`,
      (r) => ({
        id: int(r.id),
        username: text(r.username),
        usernameKey: text(r.usernameKey),
        usernameSkeleton: text(r.usernameSkeleton ?? ""),
        version: int(r.version),
      }),
    );
  },

  async insert(tx: Tx, tenantId, storeId, users: readonly ImportedUser[]) {
    if (users.length === 0) return [];
    const now = new Date();
    const rows = users.map((u) => ({ ...usernameColumns(u.username), hash: u.passwordHash, must: u.mustChangePassword ? 1 : 0 }));
    const inserted = await readRows(
      tx,
      sql`INSERT INTO "User" ("tenantId", "storeId", "username", "usernameKey", "usernameSkeleton", "passwordHash", "mustChangePassword", "updatedAt")
        SELECT ${tenantId}, ${storeId}, j."username", j."usernameKey", j."usernameSkeleton", j."hash", CASE WHEN j."must" = 1 THEN true ELSE false END, ${now}
        FROM ${jsonTable(tx, rows, USER_COLUMNS)} WHERE true
        RETURNING "id", "usernameKey"`,
      (r) => [text(r.usernameKey), int(r.id)] as const,
    );
    const byKey = new Map(inserted);
    const ids = rows.map((r) => byKey.get(r.usernameKey)!);
    const claims = users.flatMap((u, i) => Object.entries(u.claims).map(([claim, value]) => ({ userId: ids[i]!, claim, value })));
    if (claims.length > 0) {
      await tx.$executeRaw`INSERT INTO "UserClaim" ("userId", "claim", "value")
        SELECT j."userId", j."claim", j."value" FROM ${jsonTable(tx, claims, CLAIM_COLUMNS)} WHERE true`;
    }
    const memberships = users.flatMap((u, i) => u.roleIds.map((roleId) => ({ userId: ids[i]!, roleId })));
    if (memberships.length > 0) {
      await tx.$executeRaw`INSERT INTO "Membership" ("userId", "roleId", "createdAt")
        SELECT j."userId", j."roleId", ${now} FROM ${jsonTable(tx, memberships, MEMBERSHIP_COLUMNS)} WHERE true`;
    }
    return ids;
  },
};
