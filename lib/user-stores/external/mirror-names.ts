import type { Tx } from "../../db/client.ts";
import { providerOf } from "../../db/provider.ts";
import { int, readRows, text, textOrNull } from "../../db/raw-read.ts";
import { raw, sql, type Sql } from "../../db/sql.ts";
import { nameKey } from "../../core/domains.ts";
import { nameSkeleton } from "../../stores/look-alike.ts";
import { jsonTable } from "./json-table.ts";

/**
 * No password check accepts this as a hash (argon2 refuses it): a mirrored user's password is
 * the directory's, checked there at each sign-in, and Gatehouse never holds a copy.
 */
export const EXTERNAL_PASSWORD_MARKER = "!external-store";

export type MirrorStore = { id: number; tenantId: number };
export type NamedEntry = { externalId: string; name: string };
export type NamedResult = { created: number; updated: number; skipped: number };

// User and Role mirror the same way; only their column names and the new row's fixed values differ.
const TABLES = {
  user: {
    table: "User",
    name: "username",
    key: "usernameKey",
    skeleton: "usernameSkeleton",
    extra: ["passwordHash", EXTERNAL_PASSWORD_MARKER],
  },
  role: { table: "Role", name: "name", key: "nameKey", skeleton: "nameSkeleton", extra: ["kind", "regular"] },
} as const;

const COLUMNS = { externalId: "text", name: "text", key: "text", skeleton: "text" } as const;

/**
 * Mirrors one page of a store's users or groups (by externalId) in a few set-based statements,
 * stamping each with `generation` so the end of a full sync can remove the entries it did not
 * see. A rename in the directory (same externalId, new name) renames the row and bumps its
 * version, so an editor's outdated view is refused. A name can move between entries (renames,
 * or a removed entry's name reused): a row this sync has not seen yet that holds a name the
 * page needs is parked under a key no name has ("/" cannot be in one) until its own page
 * names it again, or the end of the sync removes it. Two entries this sync saw whose names
 * are one name to Gatehouse (case, compatibility forms) keep the first; the other is skipped.
 */
export async function mirrorNamed(
  tx: Tx,
  kind: keyof typeof TABLES,
  store: MirrorStore,
  generation: number,
  entries: readonly NamedEntry[],
): Promise<NamedResult & { ids: Map<string, number> }> {
  const t = TABLES[kind];
  const [table, name, key, skeleton] = [t.table, t.name, t.key, t.skeleton].map((c) => raw(`"${c}"`));
  const byKey = new Map<string, NamedEntry & { key: string; skeleton: string }>();
  for (const e of entries) {
    const k = nameKey(e.name);
    if (!byKey.has(k)) byKey.set(k, { ...e, key: k, skeleton: nameSkeleton(e.name) });
  }
  let rows = [...byKey.values()];
  let skipped = entries.length - rows.length;
  if (rows.length === 0) return { created: 0, updated: 0, skipped, ids: new Map() };

  // Each planner's fast form (the page's keys are unique, so both mean the same): SQLite walks
  // IN lists with the name index, where its UPDATE ... FROM scanned the users once per entry;
  // PostgreSQL hash-joins UPDATE ... FROM, where its row-valued NOT IN was rechecked per row.
  const unseen = sql`("syncGeneration" IS NULL OR "syncGeneration" < ${generation})`;
  await tx.$executeRaw(
    providerOf(tx) === "postgres"
      ? sql`UPDATE ${table} SET ${key} = '/parked/' || CAST(${table}."id" AS TEXT) FROM ${jsonTable(tx, rows, COLUMNS)}
          WHERE ${table}."tenantId" = ${store.tenantId} AND ${table}."storeId" = ${store.id} AND ${table}.${key} = j."key"
            AND (${table}."externalId" IS NULL OR ${table}."externalId" <> j."externalId") AND ${unseen}`
      : sql`UPDATE ${table} SET ${key} = '/parked/' || CAST("id" AS TEXT)
          WHERE "tenantId" = ${store.tenantId} AND "storeId" = ${store.id} AND ${key} IN (SELECT "key" FROM ${jsonTable(tx, rows, COLUMNS)})
            AND ("externalId" IS NULL OR (${key}, "externalId") NOT IN (SELECT "key", "externalId" FROM ${jsonTable(tx, rows, COLUMNS)}))
            AND ${unseen}`,
  );
  const existing = await readRows(
    tx,
    sql`SELECT "id", "externalId", ${name} AS "name", ${key} AS "key" FROM ${table}
      WHERE "tenantId" = ${store.tenantId} AND "storeId" = ${store.id} AND (${key} IN (SELECT "key" FROM ${jsonTable(tx, rows, COLUMNS)}) OR "externalId" IN (SELECT "externalId" FROM ${jsonTable(tx, rows, COLUMNS)}))`,
    (r) => ({ id: int(r.id), externalId: textOrNull(r.externalId), name: text(r.name), key: text(r.key) }),
  );
  const byExternalId = new Map(existing.filter((r) => r.externalId !== null).map((r) => [r.externalId!, r]));
  // Held by an entry this sync already saw (parking spared it): that entry keeps the name.
  const blocked = new Set(existing.filter((r) => byKey.get(r.key) && byKey.get(r.key)!.externalId !== r.externalId).map((r) => r.key));
  skipped += rows.filter((r) => blocked.has(r.key)).length;
  rows = rows.filter((r) => !blocked.has(r.key));
  if (rows.length === 0) return { created: 0, updated: 0, skipped, ids: new Map() };

  const renamed = new Set(
    rows.filter((r) => byExternalId.get(r.externalId)?.name !== r.name && byExternalId.has(r.externalId)).map((r) => r.externalId),
  );
  const [extraColumn, extraValue] = t.extra;
  // INSERT ... ON CONFLICT for renames too: SQLite plans it as a walk of the page with an index
  // lookup per entry, where an UPDATE ... FROM of 6,000 renames took half a minute.
  const upsert = (entries: typeof rows, onConflict: Sql) =>
    entries.length === 0
      ? []
      : readRows(
          tx,
          sql`INSERT INTO ${table} ("tenantId", "storeId", "externalId", ${name}, ${key}, ${skeleton}, ${raw(`"${extraColumn}"`)}, "syncGeneration", "updatedAt")
            SELECT ${store.tenantId}, ${store.id}, j."externalId", j."name", j."key", j."skeleton", ${extraValue}, ${generation}, ${new Date()}
            FROM ${jsonTable(tx, entries, COLUMNS)} WHERE true
            ON CONFLICT ("storeId", "externalId") DO UPDATE SET ${onConflict}
            RETURNING "id", "externalId"`,
          (r) => [text(r.externalId), int(r.id)] as const,
        );
  const ids = [
    ...(await upsert(
      rows.filter((r) => renamed.has(r.externalId)),
      sql`${name} = excluded.${name}, ${key} = excluded.${key}, ${skeleton} = excluded.${skeleton}, "version" = ${table}."version" + 1,
        "syncGeneration" = excluded."syncGeneration", "updatedAt" = excluded."updatedAt"`,
    )),
    ...(await upsert(
      rows.filter((r) => !renamed.has(r.externalId)),
      sql`"syncGeneration" = excluded."syncGeneration"`,
    )),
  ];
  const created = rows.filter((r) => !byExternalId.has(r.externalId)).length;
  return { created, updated: renamed.size, skipped, ids: new Map(ids) };
}
