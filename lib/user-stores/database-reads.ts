import { bool, dateOrNull, date, int, readRows, readRowsByIds, text, type RawRow } from "../db/raw-read.ts";
import { empty, join, raw, sql, type Sql } from "../db/sql.ts";
import { decodeCursor, keysetPage, type Cursor, type CursorShape, type KeysetPage } from "../keyset.ts";
import { nameKey, qualifiedName } from "../core/domains.ts";
import { lookAlikeRefusal, nameSkeleton } from "../stores/look-alike.ts";
import { namePatternSql, parseNamePattern, toLike } from "../stores/name-pattern.ts";
import { providerOf } from "../db/provider.ts";
import { claimTrigramSql, hasTrigram, nameTrigramDrive, nameTrigramSql, WALK_WINDOW } from "./trigram-search.ts";
import type { MemberPageParams, Reader, StoreRef, RoleRef, StoreUser, StoreUserDetail, UserPageParams, UserQuery } from "./user-store.ts";

type Raw = StoreUser & { usernameKey: string };

const COLUMNS = sql`u."id", u."version", u."username", u."usernameKey", u."storeId", s."domain", s."readOnly", u."lockedUntil", u."disabledAt"`;

/** A row selected with COLUMNS, mapped explicitly: the drivers disagree on integer and boolean types. */
function userRow(r: RawRow): Raw {
  return {
    id: int(r.id),
    version: int(r.version),
    username: text(r.username),
    usernameKey: text(r.usernameKey),
    storeId: int(r.storeId),
    domain: text(r.domain),
    readOnly: bool(r.readOnly),
    lockedUntil: dateOrNull(r.lockedUntil),
    disabledAt: dateOrNull(r.disabledAt),
  };
}

function storeUser({ usernameKey, ...user }: Raw): StoreUser {
  void usernameKey;
  return user;
}

const count = (r: RawRow) => int(r.n);

/**
 * One page of a tenant's users, filtered and ordered in the database and paged by keyset:
 * never a whole-table load, never a count, one query whatever the page's size (two or three
 * for a pattern a trigram index serves, lib/user-stores/trigram-search.ts). `walkWindow` is
 * there for the tests, which need the trigram step on a small table.
 */
export async function listDatabaseUsers(
  client: Reader,
  tenantId: number,
  params: UserPageParams,
  walkWindow = WALK_WINDOW,
): Promise<KeysetPage<StoreUser>> {
  const shape: CursorShape = params.sort === "domain" ? ["int", "string", "int"] : ["string", "int"];
  const after = decodeCursor(params.after, shape);
  const before = after ? undefined : decodeCursor(params.before, shape);
  const forward = !before;
  const ascending = (params.dir === "asc") === forward;
  const order = ascending ? sql`ASC` : sql`DESC`;
  const keyNames = params.sort === "domain" ? ["storeId", "usernameKey", "id"] : ["usernameKey", "id"];
  const keys = (alias: string) => keyNames.map((k) => raw(`${alias}."${k}"`));
  const keyColumns = keys("u");
  const cursor = after ?? before;

  const keyset =
    cursor && cursor.length === keyColumns.length
      ? sql` AND (${join(keyColumns)}) ${ascending ? sql`>` : sql`<`} (${join(cursor)})`
      : empty;
  const orderBy = (alias: string) => sql`ORDER BY ${join(keys(alias).map((c) => sql`${c} ${order}`))}`;
  const plainPage = () =>
    readRows(
      client,
      sql`
      SELECT ${COLUMNS}
      FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
      WHERE ${userFilter(tenantId, params)} ${keyset}
      ${orderBy("u")}
      LIMIT ${params.size + 1}`,
      userRow,
    );

  const drive = nameTrigramDrive(client, parseNamePattern(params.pattern));
  // PostgreSQL's only covering index in a list order is (tenantId, usernameKey, id): by domain
  // or within one store ((tenantId, storeId, usernameKey) lacks the id), a walk fetches a row
  // per entry. SQLite's indexes all end in the rowid, so every walk there is index-only.
  const indexOnlyWalk = providerOf(client) === "sqlite" || (params.sort !== "domain" && !params.storeId);
  // PostgreSQL, by name, a claim pattern alone: its planner weighs the GIN index against
  // walking the covering name index index-only (the LIKE is checked on the index entries; no
  // heap fetch per row): at most one pass over the index.
  const byPlanner = providerOf(client) === "postgres" && indexOnlyWalk && !drive;
  const where = sql`${userFilter(tenantId, params)} ${keyset}`;
  const top = sql`ORDER BY ${join(keyColumns.map((c) => sql`${c} ${order}`))} LIMIT ${params.size + 1}`;
  /** The page's rows for a query that selects just their ids (the keys alone make a walk index-only). */
  const byIds = (ids: Sql) =>
    readRows(
      client,
      sql`SELECT ${COLUMNS} FROM (${ids}) t
      JOIN "User" u ON u."id" = t."id" JOIN "UserStore" s ON s."id" = u."storeId"
      ${orderBy("u")}`,
      userRow,
    );
  const narrowTop = () => {
    const claimTrigram = claimTrigramSql(client, params.claim, claimKey(params.claimValue));
    // Elsewhere a trigram index must drive (a planner cannot walk an index in the order of a
    // join's outer FTS5 table or of a MATERIALIZED set): SQLite cannot count a MATCH's rows,
    // and by domain or store there is no covering index to walk. A name pattern reads the
    // keys from the narrow copy (nameTrigramDrive), whose columns userFilter finds under `u`.
    const ids = byPlanner
      ? sql`SELECT u."id" FROM "User" u WHERE ${where} ${top}`
      : drive
        ? sql`SELECT u."id" FROM ${drive.from} WHERE ${where}${drive.match}${claimTrigram} ${top}`
        : sql`WITH m AS MATERIALIZED (SELECT ${join(keyColumns)} FROM "User" u WHERE ${where}${userTrigrams(client, params)})
          SELECT m."id" FROM m ORDER BY ${join(keys("m").map((c) => sql`${c} ${order}`))} LIMIT ${params.size + 1}`;
    return byIds(ids);
  };

  let rows: Raw[] | undefined;
  const trigram = hasTrigram(parseNamePattern(params.pattern), params.claim, claimKey(params.claimValue));
  // A name pattern where the walk would fetch rows: straight to the narrow copy.
  if (trigram && (byPlanner || (drive && !indexOnlyWalk))) rows = await narrowTop();
  else if (trigram) {
    // Walk at most walkWindow rows in order, up to the key found that far down the index (an
    // index-only read): a match as common as 1 in 200 fills a page there.
    const [bound] = await readRows(
      client,
      sql`
      SELECT ${join(keyColumns.map((c, i) => sql`${c} AS ${raw(`"k${i}"`)}`))} FROM "User" u
      WHERE u."tenantId" = ${tenantId} ${keyset} ${orderBy("u")} LIMIT 1 OFFSET ${walkWindow}`,
      (r) => keyColumns.map((_, i) => r[`k${i}`]),
    );
    const values = bound ?? [];
    const within = bound ? sql` AND (${join(keyColumns)}) ${ascending ? sql`<=` : sql`>=`} (${join(values)})` : empty;
    rows = await byIds(sql`SELECT u."id" FROM "User" u WHERE ${where}${within} ${top}`);
    // Short of a page before the end: the matches' sort keys alone (narrow rows), the page's
    // worth of them by a top-N sort, and only those joined to the rest.
    if (rows.length <= params.size && bound) rows = await narrowTop();
  }
  rows ??= await plainPage();

  const page = keysetPage(rows, params.size, (r) => cursorOf(r, params.sort), { forward, hadCursor: cursor !== undefined });
  return { ...page, rows: page.rows.map(storeUser) };
}

export function userFilter(tenantId: number, params: UserQuery): Sql {
  return sql`u."tenantId" = ${tenantId}
    ${params.storeId ? sql` AND u."storeId" = ${params.storeId}` : empty}
    ${namePatternSql(sql`u."usernameKey"`, parseNamePattern(params.pattern))}
    ${claimFilter(params.claim, params.claimValue)}`;
}

/** SQLite's trigram restrictions for the name pattern and the claim value, or `empty`. */
export function userTrigrams(client: Reader, params: UserQuery): Sql {
  const name = nameTrigramSql(client, parseNamePattern(params.pattern));
  const claim = claimTrigramSql(client, params.claim, claimKey(params.claimValue));
  return name === empty && claim === empty ? empty : sql`${name}${claim}`;
}

export async function countDatabaseUsers(client: Reader, tenantId: number, query: UserQuery): Promise<number> {
  const [n] = await readRows(
    client,
    sql`SELECT COUNT(*) AS "n" FROM "User" u WHERE ${userFilter(tenantId, query)}${userTrigrams(client, query)}`,
    count,
  );
  return n ?? 0;
}

function cursorOf(row: Raw, sort: UserPageParams["sort"]): Cursor {
  return sort === "domain" ? [row.storeId, row.usernameKey, row.id] : [row.usernameKey, row.id];
}

export const claimKey = (value: string | undefined) => (value ?? "*").trim().toLowerCase() || "*";

function claimFilter(claim: string | undefined, value: string | undefined): Sql {
  if (!claim) return empty;
  return sql` AND EXISTS (SELECT 1 FROM "UserClaim" c WHERE c."userId" = u."id" AND c."claim" = ${claim} AND lower(c."value") LIKE ${toLike(claimKey(value))} ESCAPE '\\')`;
}

// Past this many members, walking the username index and probing memberships finds a page
// sooner than collecting and sorting every member.
const LARGE_ROLE = 1000;

export function memberFilter(client: Reader, tenantId: number, role: RoleRef, params: Pick<UserQuery, "pattern" | "storeId">): Sql {
  const pattern = parseNamePattern(params.pattern);
  const membership =
    role.memberCount > LARGE_ROLE
      ? sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id" AND m."roleId" = ${role.id})`
      : sql`u."id" IN (SELECT m."userId" FROM "Membership" m WHERE m."roleId" = ${role.id})`;
  return sql`u."tenantId" = ${tenantId} AND ${membership}
    ${params.storeId ? sql` AND u."storeId" = ${params.storeId}` : empty}
    ${namePatternSql(sql`u."usernameKey"`, pattern)}${nameTrigramSql(client, pattern)}`;
}

export async function countDatabaseRoleMembers(client: Reader, tenantId: number, role: RoleRef, query: UserQuery): Promise<number> {
  const [n] = await readRows(client, sql`SELECT COUNT(*) AS "n" FROM "User" u WHERE ${memberFilter(client, tenantId, role, query)}`, count);
  return n ?? 0;
}

/** One page of a role's members by name, for roles of any size. */
export async function listDatabaseRoleMembers(
  client: Reader,
  tenantId: number,
  role: RoleRef,
  params: MemberPageParams,
): Promise<KeysetPage<StoreUser>> {
  const after = decodeCursor(params.after, ["string", "int"]);
  const before = after ? undefined : decodeCursor(params.before, ["string", "int"]);
  const cursor = after ?? before;
  const forward = !before;
  const keys = [sql`u."usernameKey"`, sql`u."id"`];
  const rows = await readRows(
    client,
    sql`
    SELECT ${COLUMNS}
    FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
    WHERE ${memberFilter(client, tenantId, role, params)}
    ${cursor?.length === 2 ? sql` AND (${join(keys)}) ${forward ? sql`>` : sql`<`} (${join(cursor)})` : empty}
    ORDER BY u."usernameKey" ${forward ? sql`ASC` : sql`DESC`}, u."id" ${forward ? sql`ASC` : sql`DESC`}
    LIMIT ${params.size + 1}`,
    userRow,
  );
  const page = keysetPage(rows, params.size, (r) => [r.usernameKey, r.id], { forward, hadCursor: cursor !== undefined });
  return { ...page, rows: page.rows.map(storeUser) };
}

/** One user with claims and lock state: one statement, a row per claim (a user has a handful). */
export async function getDatabaseUser(client: Reader, tenantId: number, id: number): Promise<StoreUserDetail | null> {
  const rows = await readRows(
    client,
    sql`SELECT ${COLUMNS}, u."lastSignInAt", u."createdAt", c."claim", c."value"
      FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId" LEFT JOIN "UserClaim" c ON c."userId" = u."id"
      WHERE u."id" = ${id} AND u."tenantId" = ${tenantId}`,
    (r) => ({ user: userRow(r), lastSignInAt: dateOrNull(r.lastSignInAt), createdAt: date(r.createdAt), claim: r.claim, value: r.value }),
  );
  const first = rows[0];
  if (!first) return null;
  const claims = rows.filter((r) => r.claim !== null && r.claim !== undefined).map((r) => [text(r.claim), text(r.value)]);
  return { ...storeUser(first.user), lastSignInAt: first.lastSignInAt, createdAt: first.createdAt, claims: Object.fromEntries(claims) };
}

export async function getDatabaseUsers(client: Reader, tenantId: number, ids: readonly number[]): Promise<StoreUser[]> {
  const rows = await readRowsByIds(
    client,
    ids,
    (list) => sql`SELECT ${COLUMNS} FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
      WHERE u."tenantId" = ${tenantId} AND u."id" IN (${list}) ORDER BY u."id"`,
    userRow,
  );
  return rows.map(storeUser);
}

export async function findDatabaseUser(client: Reader, tenantId: number, store: StoreRef, username: string): Promise<StoreUser | null> {
  const [row] = await readRows(
    client,
    sql`SELECT ${COLUMNS} FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
      WHERE u."tenantId" = ${tenantId} AND u."storeId" = ${store.id} AND u."usernameKey" = ${nameKey(username)}`,
    userRow,
  );
  return row ? storeUser(row) : null;
}

/**
 * Refuses a username that is, or looks like, another user's in the same store, naming that
 * user. One indexed query; rows whose skeleton start-up has not computed yet are not seen,
 * though the unique key still refuses an exact duplicate.
 */
export async function assertDatabaseUsernameFree(client: Reader, tenantId: number, store: StoreRef, username: string): Promise<void> {
  const other = await client.user.findFirst({
    where: { tenantId, storeId: store.id, usernameSkeleton: nameSkeleton(username) },
    select: { username: true, usernameKey: true },
    orderBy: { id: "asc" },
  });
  if (!other) return;
  throw lookAlikeRefusal(
    "user",
    qualifiedName(store.domain, username),
    qualifiedName(store.domain, other.username),
    other.usernameKey === nameKey(username),
  );
}

/**
 * The export's claims (lib/users/export-users.ts): one statement per batch of any size, the ids
 * bound as one JSON array (SQLite's json_each) or int[] (PostgreSQL) rather than an IN list of
 * a parameter each, which costs SQLite twice the time at 1,000 ids.
 */
export async function claimsOfDatabaseUsers(
  client: Reader,
  tenantId: number,
  ids: readonly number[],
): Promise<Map<number, Record<string, string>>> {
  const byUser = new Map<number, Record<string, string>>();
  if (ids.length === 0) return byUser;
  const idSet =
    providerOf(client) === "sqlite" ? sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))` : sql`(SELECT unnest(${[...ids]}::int[]))`;
  const rows = await readRows(
    client,
    sql`SELECT c."userId", c."claim", c."value" FROM "UserClaim" c JOIN "User" u ON u."id" = c."userId"
      WHERE u."tenantId" = ${tenantId} AND c."userId" IN ${idSet}`,
    (r) => ({ userId: int(r.userId), claim: text(r.claim), value: text(r.value) }),
  );
  for (const { userId, claim, value } of rows) {
    let claims = byUser.get(userId);
    if (!claims) byUser.set(userId, (claims = {}));
    claims[claim] = value;
  }
  return byUser;
}
