import { int, readRows, textOrNull, type Reader } from "../../db/raw-read.ts";
import { empty, join, sql } from "../../db/sql.ts";
import type { DirectoryUser } from "./directory.ts";
import { usableUsers } from "./mirror-entries.ts";
import type { MirrorStore } from "./mirror-names.ts";

type Row = { kind: string; id: number; a: string | null; b: string | null; n: number | null };

/**
 * The user's mirror row id when it already says what the directory just said (name, claims,
 * groups) and carries the store's current generation; null when refreshMirroredUser has
 * something to write. A sign-in of an unchanged user then costs this one read and no write
 * (on SQLite every write takes the database's one write lock, and a busy morning of sign-ins
 * used to queue behind it). One statement reads the row, its claims, its groups, the groups
 * the directory named that the mirror holds, and the store's generation.
 */
export async function unchangedMirrorId(
  client: Reader,
  store: MirrorStore,
  entry: DirectoryUser & { groupIds?: readonly string[] },
): Promise<number | null> {
  const [user] = usableUsers([entry]).users;
  if (!user) return null;
  const self = sql`SELECT "id" FROM "User" WHERE "tenantId" = ${store.tenantId} AND "storeId" = ${store.id} AND "externalId" = ${user.externalId}`;
  const groupIds = entry.groupIds ?? [];
  const rows = await readRows(
    client,
    sql`SELECT 'u' AS "kind", "id", "username" AS "a", CAST(NULL AS TEXT) AS "b", "syncGeneration" AS "n" FROM "User" WHERE "id" IN (${self})
      UNION ALL SELECT 's', 0, NULL, NULL, "generation" FROM "StoreSync" WHERE "storeId" = ${store.id}
      UNION ALL SELECT 'c', 0, "claim", "value", NULL FROM "UserClaim" WHERE "userId" IN (${self})
      UNION ALL SELECT 'm', 0, r."externalId", NULL, NULL FROM "Membership" m JOIN "Role" r ON r."id" = m."roleId"
        WHERE m."userId" IN (${self}) AND r."storeId" = ${store.id}
      ${
        groupIds.length > 0
          ? sql`UNION ALL SELECT 'r', 0, "externalId", NULL, NULL FROM "Role" WHERE "storeId" = ${store.id} AND "externalId" IN (${join([...groupIds])})`
          : empty
      }`,
    (r): Row => ({ kind: String(r.kind), id: int(r.id), a: textOrNull(r.a), b: textOrNull(r.b), n: r.n === null ? null : int(r.n) }),
  );
  const row = rows.find((r) => r.kind === "u");
  if (!row || row.a !== user.username) return null;
  const generation = rows.find((r) => r.kind === "s")?.n ?? 0;
  if (row.n === null || row.n < generation) return null;
  const claims = rows.filter((r) => r.kind === "c");
  if (claims.length !== Object.keys(user.claims).length || claims.some((c) => user.claims[c.a!] !== c.b)) return null;
  if (entry.groupIds && !sameSet(rows, "m", "r")) return null;
  return row.id;
}

function sameSet(rows: readonly Row[], held: string, wanted: string): boolean {
  const a = new Set(rows.filter((r) => r.kind === held).map((r) => r.a));
  const b = new Set(rows.filter((r) => r.kind === wanted).map((r) => r.a));
  return a.size === b.size && [...a].every((x) => b.has(x));
}
