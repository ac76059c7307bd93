import type { Db } from "../db/client.ts";
import { raw, sql, type Sql } from "../db/sql.ts";
import type { DbTarget } from "../db/target.ts";
import { nameKey, qualifiedName } from "../core/domains.ts";
import { nameSkeleton } from "./look-alike.ts";

// Rows per statement. Each statement binds one JSON document, not a value per row: bound
// values cost more than the update itself (measured), and a document has no parameter limit.
const BATCH = 1000;

const TABLES = {
  user: { table: "User", name: "username", key: "usernameKey", skeleton: "usernameSkeleton" },
  role: { table: "Role", name: "name", key: "nameKey", skeleton: "nameSkeleton" },
} as const;
type Kind = keyof typeof TABLES;

type Row = {
  id: number | bigint;
  tenantId: number | bigint;
  storeId: number | bigint;
  name: string;
  key: string;
  skeleton: string | null;
  domain: string;
};

/** A name whose new key another row of its store already holds: it keeps its old key, and start-up says so. */
export type KeptKey = { kind: Kind; name: string; clashesWith: string };
export type BackfillReport = { users: number; roles: number; kept: KeptKey[] };

/**
 * Gives every user and role written before skeletons existed its skeleton, and its key as
 * nameKey() computes it now (NFKC and full case folding instead of NFC and toLowerCase). SQL
 * cannot compute either, so start-up does, under the migration lock and before provisioning
 * looks names up. A null skeleton marks a row to do: a later change to nameKey() needs only a
 * migration that clears the skeletons. Nothing to do costs one indexed query per table.
 */
export async function backfillNameKeys(client: Db, provider: DbTarget["provider"]): Promise<BackfillReport> {
  const kept: KeptKey[] = [];
  const users = await backfill(client, provider, "user", kept);
  const roles = await backfill(client, provider, "role", kept);
  return { users, roles, kept };
}

/** The rows of a JSON array of {id, v} as a table `j("id", "v")`, in each database's dialect. */
function jsonRows(provider: DbTarget["provider"], rows: { id: number; v: string }[]): Sql {
  const json = JSON.stringify(rows);
  return provider === "postgres"
    ? sql`json_to_recordset(CAST(${json} AS json)) AS j("id" integer, "v" text)`
    : sql`(SELECT CAST(json_extract(value, '$.id') AS INTEGER) AS "id", json_extract(value, '$.v') AS "v" FROM json_each(${json})) AS j`;
}

async function backfill(client: Db, provider: DbTarget["provider"], kind: Kind, kept: KeptKey[]): Promise<number> {
  const t = TABLES[kind];
  const [table, name, key, skeleton] = [t.table, t.name, t.key, t.skeleton].map((id) => raw(`"${id}"`));
  const todo = await client.$queryRaw<unknown[]>(sql`SELECT 1 AS "x" FROM ${table} WHERE ${skeleton} IS NULL LIMIT 1`);
  if (todo.length === 0) return 0;

  let done = 0;
  let after = 0;
  // Paging by id, not by the null skeletons, keeps each batch a primary-key range on both planners.
  for (;;) {
    const rows = await client.$queryRaw<Row[]>(sql`
      SELECT r."id", r."tenantId", r."storeId", r.${name} AS "name", r.${key} AS "key", r.${skeleton} AS "skeleton", s."domain"
      FROM ${table} r JOIN "UserStore" s ON s."id" = r."storeId"
      WHERE r."id" > ${after} ORDER BY r."id" LIMIT ${BATCH}`);
    if (rows.length === 0) return done;
    after = Number(rows.at(-1)!.id);
    const missing = rows.filter((r) => r.skeleton === null);
    if (missing.length === 0) continue;
    const keys = await newKeys(client, kind, missing, kept);
    // Keys rarely change, and an unchanged indexed column need not be written.
    const rekeyed = missing.filter((r) => keys.get(Number(r.id)) !== r.key).map((r) => ({ id: Number(r.id), v: keys.get(Number(r.id))! }));
    if (rekeyed.length > 0) {
      await client.$executeRaw(sql`UPDATE ${table} SET ${key} = j."v" FROM ${jsonRows(provider, rekeyed)} WHERE ${table}."id" = j."id"`);
    }
    const skeletons = missing.map((r) => ({ id: Number(r.id), v: nameSkeleton(r.name) }));
    await client.$executeRaw(
      sql`UPDATE ${table} SET ${skeleton} = j."v" FROM ${jsonRows(provider, skeletons)} WHERE ${table}."id" = j."id"`,
    );
    done += missing.length;
  }
}

/**
 * Each row's key from now on. A key that changes may not take one another row of the store
 * holds (or one an earlier row of this batch took): that row keeps its old key rather than
 * stopping start-up, and is reported, since the two names are now the same name.
 */
async function newKeys(client: Db, kind: Kind, rows: Row[], kept: KeptKey[]): Promise<Map<number, string>> {
  const result = new Map(rows.map((r) => [Number(r.id), r.key]));
  const changed = rows.filter((r) => nameKey(r.name) !== r.key);
  if (changed.length === 0) return result;
  const wanted = [...new Set(changed.map((r) => nameKey(r.name)))];
  const holders =
    kind === "user"
      ? (
          await client.user.findMany({
            where: { usernameKey: { in: wanted } },
            select: { tenantId: true, storeId: true, usernameKey: true, username: true },
          })
        ).map((u) => ({ tenantId: u.tenantId, storeId: u.storeId, key: u.usernameKey, name: u.username }))
      : (
          await client.role.findMany({
            where: { nameKey: { in: wanted } },
            select: { tenantId: true, storeId: true, nameKey: true, name: true },
          })
        ).map((r) => ({ tenantId: r.tenantId, storeId: r.storeId, key: r.nameKey, name: r.name }));
  const taken = new Map(holders.map((h) => [`${h.tenantId}/${h.storeId}/${h.key}`, h.name]));
  for (const row of changed) {
    const slot = `${Number(row.tenantId)}/${Number(row.storeId)}/${nameKey(row.name)}`;
    const holder = taken.get(slot);
    if (holder === undefined) {
      result.set(Number(row.id), nameKey(row.name));
      taken.set(slot, row.name);
    } else {
      kept.push({ kind, name: qualifiedName(row.domain, row.name), clashesWith: qualifiedName(row.domain, holder) });
    }
  }
  return result;
}
