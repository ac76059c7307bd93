// The synthetic users of scripts/bench-users.ts and the bulk writers that insert them: batched
// multi-row INSERTs in large transactions, straight through the drivers, one shared password
// hash. Everything is derived from the user's number, so every run holds the same data.
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import type { Sql } from "../lib/db/sql.ts";
import { nameKey } from "../lib/core/domains.ts";
import { nameSkeleton } from "../lib/stores/look-alike.ts";
import { mix } from "./bench-common.ts";

export const TEAM_ROLES = Array.from({ length: 40 }, (_, i) => `team_${String(i + 1).padStart(2, "0")}`);

export type SeedPlan = {
  users: number;
  tenantId: number;
  primaryId: number;
  ldapId: number;
  /** The first free user id: users are inserted with explicit ids so claims and memberships can refer to them. */
  firstId: number;
  roleIds: Map<string, number>;
  passwordHash: string;
};
export type Timings = [what: string, ms: number][];

type Value = string | number;
type Row = Value[];
/** A table and its columns, each with its PostgreSQL type for unnest(). */
type Table = { name: string; columns: [name: string, pgType: string][] };

const USER: Table = {
  name: "User",
  columns: [
    ["id", "int4"],
    ["tenantId", "int4"],
    ["storeId", "int4"],
    ["username", "text"],
    ["usernameKey", "text"],
    ["usernameSkeleton", "text"],
    ["passwordHash", "text"],
    ["passwordChangedAt", "timestamp(3)"],
    ["createdAt", "timestamp(3)"],
    ["updatedAt", "timestamp(3)"],
  ],
};
const CLAIM: Table = {
  name: "UserClaim",
  columns: [
    ["userId", "int4"],
    ["claim", "text"],
    ["value", "text"],
  ],
};
const MEMBERSHIP: Table = {
  name: "Membership",
  columns: [
    ["userId", "int4"],
    ["roleId", "int4"],
  ],
};

// Varied prefixes make prefix and infix searches select realistic slices of the table.
const PREFIXES = [
  "user",
  "admin",
  "alice",
  "bob",
  "carol",
  "dave",
  "eve",
  "frank",
  "grace",
  "heidi",
  "ivan",
  "judy",
  "mallory",
  "oscar",
  "peggy",
  "svc_",
  "test",
  "ops.",
  "qa-",
  "john.smith",
];
const MAIL_DOMAINS = ["example.com", "acme.com", "globex.org", "initech.net", "umbrella.io"];
const ORGS = ["Acme Corp", "Globex", "Initech", "Umbrella", "Hooli"];
const EMAIL = "http://wso2.org/claims/emailaddress";
const ORGANIZATION = "http://wso2.org/claims/organization";
const CREATED_FROM = Date.UTC(2024, 0, 1);
const TX_ROWS = 50_000;

export function usernameOf(n: number): string {
  const h = mix(n);
  const prefix = PREFIXES[h % PREFIXES.length]!;
  return `${(h >>> 5) % 4 === 0 ? prefix[0]!.toUpperCase() + prefix.slice(1) : prefix}${n}`;
}

function* userRows(plan: SeedPlan, stamp: (ms: number) => string): Generator<Row> {
  for (let n = 1; n <= plan.users; n++) {
    const username = usernameOf(n);
    const at = stamp(CREATED_FROM + n * 1000);
    const storeId = (mix(n) >>> 8) % 10 === 0 ? plan.ldapId : plan.primaryId;
    yield [
      plan.firstId + n - 1,
      plan.tenantId,
      storeId,
      username,
      nameKey(username),
      nameSkeleton(username),
      plan.passwordHash,
      at,
      at,
      at,
    ];
  }
}

/** Email for 30% of users, organization for 20%. */
function* claimRows(plan: SeedPlan): Generator<Row> {
  for (let n = 1; n <= plan.users; n++) {
    const h = mix(n);
    const c = (h >>> 12) % 10;
    const id = plan.firstId + n - 1;
    if (c < 3) yield [id, EMAIL, `${nameKey(usernameOf(n))}@${MAIL_DOMAINS[(h >>> 16) % MAIL_DOMAINS.length]}`];
    if (c === 2 || c === 3) yield [id, ORGANIZATION, ORGS[(h >>> 20) % ORGS.length]!];
  }
}

/** Internal/subscriber 30%, creator 10%, publisher 5%, one of 40 team roles 20%, auditors 1 in 5,000. */
function* membershipRows(plan: SeedPlan): Generator<Row> {
  const role = (name: string) => plan.roleIds.get(name)!;
  for (let n = 1; n <= plan.users; n++) {
    const h = mix(n * 31 + 7);
    const id = plan.firstId + n - 1;
    if (h % 100 < 30) yield [id, role("subscriber")];
    if ((h >>> 7) % 100 < 10) yield [id, role("creator")];
    if ((h >>> 14) % 100 < 5) yield [id, role("publisher")];
    if ((h >>> 21) % 5 === 0) yield [id, role(TEAM_ROLES[(h >>> 24) % TEAM_ROLES.length]!)];
    if (n % 5000 === 0) yield [id, role("auditors")];
  }
}

function* batches(rows: Iterable<Row>, size: number): Generator<Row[]> {
  let batch: Row[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

type Insert = (table: Table, batch: Row[]) => Promise<void>;

/** Every plan's rows of one kind, one tenant after another. */
function* eachPlan(plans: SeedPlan[], rows: (plan: SeedPlan) => Iterable<Row>): Generator<Row> {
  for (const plan of plans) yield* rows(plan);
}

async function seed(plans: SeedPlan[], stamp: (ms: number) => string, insert: Insert): Promise<Timings> {
  const timings: Timings = [];
  const load = async (what: string, table: Table, rows: Iterable<Row>) => {
    const started = performance.now();
    let count = 0;
    for (const batch of batches(rows, TX_ROWS)) {
      await insert(table, batch);
      count += batch.length;
    }
    timings.push([`${count.toLocaleString("en")} ${what}`, performance.now() - started]);
  };
  await load(
    "users",
    USER,
    eachPlan(plans, (plan) => userRows(plan, stamp)),
  );
  await load("claims", CLAIM, eachPlan(plans, claimRows));
  await load("memberships", MEMBERSHIP, eachPlan(plans, membershipRows));
  return timings;
}

const columnList = (table: Table) => table.columns.map(([name]) => `"${name}"`).join(", ");

/** Seeds every plan's tenant: the single-tenant bench passes one plan, `--tenants` one per tenant. */
export async function seedSqlite(file: string, plans: SeedPlan | SeedPlan[]): Promise<Timings> {
  const conn = new Database(file, { timeout: 10_000 });
  // For this connection only, while seeding: a crash can corrupt the file, which the next run recreates anyway.
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = OFF");
  conn.pragma("cache_size = -1048576");
  conn.pragma("temp_store = MEMORY");
  const statements = new Map<string, Database.Statement>();
  const statement = (table: Table, rows: number) => {
    const key = `${table.name}:${rows}`;
    let found = statements.get(key);
    if (!found) {
      const tuple = `(${table.columns.map(() => "?").join(", ")})`;
      found = conn.prepare(`INSERT INTO "${table.name}" (${columnList(table)}) VALUES ${Array(rows).fill(tuple).join(", ")}`);
      statements.set(key, found);
    }
    return found;
  };
  const write = conn.transaction((table: Table, batch: Row[]) => {
    const per = Math.min(500, Math.floor(30_000 / table.columns.length));
    for (let i = 0; i < batch.length; i += per) {
      const chunk = batch.slice(i, i + per);
      statement(table, chunk.length).run(chunk.flat());
    }
  });
  try {
    const timings = await seed(
      [plans].flat(),
      (ms) => new Date(ms).toISOString().replace("Z", "+00:00"),
      async (table, batch) => void write(table, batch),
    );
    const started = performance.now();
    // The bench's own connections then start from a checkpointed database, not a 1 GB WAL.
    conn.pragma("wal_checkpoint(TRUNCATE)");
    timings.push(["checkpoint", performance.now() - started]);
    return timings;
  } finally {
    conn.close();
  }
}

export async function seedPostgres(url: string, plans: SeedPlan | SeedPlan[]): Promise<Timings> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    const insert: Insert = async (table, batch) => {
      const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
      await client.query("BEGIN");
      for (let i = 0; i < batch.length; i += 10_000) {
        const chunk = batch.slice(i, i + 10_000);
        await client.query(
          `INSERT INTO "${table.name}" (${columnList(table)}) SELECT * FROM unnest(${arrays})`,
          table.columns.map((_, c) => chunk.map((row) => row[c])),
        );
      }
      await client.query("COMMIT");
    };
    const timings = await seed([plans].flat(), (ms) => new Date(ms).toISOString().replace("Z", ""), insert);
    await client.query(`SELECT setval(pg_get_serial_sequence('"User"', 'id'), (SELECT max("id") FROM "User"))`);
    const started = performance.now();
    // What autovacuum does soon after a bulk load; running it now makes the plans repeatable.
    await client.query(`VACUUM (ANALYZE) "User", "UserClaim", "Membership"`);
    timings.push(["vacuum analyze", performance.now() - started]);
    return timings;
  } finally {
    await client.end();
  }
}

export function explainSqlite(file: string, query: Sql): string[] {
  const conn = new Database(file, { readonly: true });
  try {
    const rows = conn.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.values as Value[])) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const depth = new Map<number, number>([[0, 0]]);
    return rows.map((r) => {
      const d = (depth.get(r.parent) ?? 0) + 1;
      depth.set(r.id, d);
      return `${"  ".repeat(d - 1)}${r.detail}`;
    });
  } finally {
    conn.close();
  }
}

export async function explainPostgres(url: string, query: Sql): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${query.text}`, query.values);
    return result.rows.map((r) => r["QUERY PLAN"]);
  } finally {
    await client.end();
  }
}
