// Measures the audit log at scale (issue #14, item 7: "page through millions of events"): the
// page's own read (listAuditEvents) and its pager total (estimateCount), as the page calls them,
// on a freshly migrated database holding N bulk-inserted events, with each case's SQL and plan.
//
//   npm run bench:audit -- [--events N] [--repeat R] [--postgres] [--no-sqlite]
//
// SQLite runs on data/bench/audit.db (recreated each run). --postgres also runs on a uniquely
// named PostgreSQL database (GATEHOUSE_TEST_PG_URL's server), dropped afterwards.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { AUDIT_ACTIONS } from "../lib/audit/actions.ts";
import { ZAuditFilter, type TAuditFilter } from "../lib/audit/audit-filter.ts";
import { auditTotal } from "../lib/audit/queries.ts";
import { auditRowsSql, listAuditEvents, TEXT_SCAN_WINDOW } from "../lib/audit/list-audit.ts";
import { createDb, type Db } from "../lib/db/client.ts";
import type { Sql } from "../lib/db/sql.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { superTenantId } from "../testing/seed.ts";
import { freshSqliteTarget, migrateAndProvision, quantile } from "./bench-common.ts";
import { benchOptions, withScratchPostgres } from "./bench-support.ts";

const { values: args } = parseArgs({ options: benchOptions("events", "1000000", "30") });
const EVENTS = Number(args.events);
const REPEAT = Number(args.repeat);
const SQLITE_FILE = "data/bench/audit.db";

// The seed: one event every 30 s from 2024-01-01 (a million span ~347 days), 1,000 actors, 100,000
// targets, actions cycling through the list; every 50th a failed sign-in (2 % failures).
const ACTIONS = AUDIT_ACTIONS.map((a) => `'${a}'`).join(", ");
const BASE_S = Date.UTC(2024, 0, 1) / 1000;
const SEED_COLUMNS = `"tenantId", "at", "actorName", "action", "targetType", "targetName", "before", "after", "ip", "outcome"`;
const seedSelect = (tenantId: number, at: string, pick: string) => `
  SELECT ${tenantId}, ${at}, 'user_' || (i % 1000),
         CASE WHEN i % 50 = 0 THEN 'auth.sign_in_failed' ELSE ${pick} END,
         'user', 'target_' || (i % 100000),
         '{"roles":["Internal/r' || (i % 7) || '"]}', '{"roles":["Internal/r' || (i % 11) || '"],"note":"n' || i || '"}',
         '10.0.' || (i % 256) || '.' || (i % 251), CASE WHEN i % 50 = 0 THEN 'failure' ELSE 'success' END`;

function seedSqlite(tenantId: number) {
  const conn = new Database(SQLITE_FILE);
  conn.exec(`CREATE TEMP TABLE bench_actions (k INTEGER PRIMARY KEY, name TEXT)`);
  conn.exec(`INSERT INTO bench_actions VALUES ${AUDIT_ACTIONS.map((a, k) => `(${k}, '${a}')`).join(", ")}`);
  const pick = `(SELECT name FROM bench_actions WHERE k = i % ${AUDIT_ACTIONS.length})`;
  const at = `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${BASE_S} + i * 30, 'unixepoch')`;
  conn.exec(`INSERT INTO "AuditEvent" (${SEED_COLUMNS})
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${EVENTS - 1}) ${seedSelect(tenantId, at, pick)} FROM n`);
  conn.exec("ANALYZE");
  conn.close();
}

async function seedPostgres(url: string, tenantId: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pick = `(ARRAY[${ACTIONS}])[(i % ${AUDIT_ACTIONS.length}) + 1]`;
  const at = `to_timestamp(${BASE_S} + i * 30) AT TIME ZONE 'UTC'`;
  await client.query(
    `INSERT INTO "AuditEvent" (${SEED_COLUMNS}) ${seedSelect(tenantId, at, pick)} FROM generate_series(0, ${EVENTS - 1}) AS i`,
  );
  await client.query(`VACUUM (ANALYZE) "AuditEvent"`);
  await client.end();
}

type Case = { name: string; filter: Partial<TAuditFilter>; deep?: boolean };
const CASES: Case[] = [
  { name: "first page, no filter", filter: {} },
  { name: "page 20,000 (keyset), no filter", filter: {}, deep: true },
  { name: "actor = user_7", filter: { actor: "user_7" } },
  { name: "target = target_42 (10 events)", filter: { target: "target_42" } },
  { name: "action category user.", filter: { action: "user." } },
  { name: "action role.renamed", filter: { action: "role.renamed" } },
  {
    name: "outcome failure (2 %)",
    filter: { outcome: "failure" },
  },
  { name: "one day (2024-06-01)", filter: { since: "2024-06-01", until: "2024-06-01" } },
  { name: "actor + category + a month", filter: { actor: "user_7", action: "user.", since: "2024-03-01", until: "2024-03-31" } },
  { name: "text, common (Internal/r3)", filter: { q: "internal/r3" } },
  { name: "text, one event (n123456)", filter: { q: '"n123456"' } },
];

const ms = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${quantile(sorted, 0.5).toFixed(2)} ms, p95 ${quantile(sorted, 0.95).toFixed(2)} ms`;
};

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    await fn();
    out.push(performance.now() - started);
  }
  return out;
}

/** `?`/`$n` placeholders filled in, for reading: the values are bound parameters when the app runs it. */
function inline(query: Sql, kind: string): string {
  let i = 0;
  const value = (v: unknown) =>
    v instanceof Date ? `'${v.toISOString()}'` : typeof v === "string" ? `'${v.replaceAll("'", "''")}'` : String(v);
  const text =
    kind === "sqlite"
      ? query.sql.replace(/\?/g, () => value(query.values[i++]))
      : query.text.replace(/\$(\d+)/g, (_, n) => value(query.values[Number(n) - 1]));
  return text.replace(/\s+/g, " ");
}

async function explain(kind: string, target: DbTarget, query: Sql): Promise<string[]> {
  const values = query.values.map((v) =>
    v instanceof Date ? (kind === "sqlite" ? v.toISOString().replace("Z", "+00:00") : v.toISOString().replace("Z", "")) : v,
  );
  if (kind === "sqlite") {
    const conn = new Database(SQLITE_FILE, { readonly: true });
    const rows = conn.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(values as string[])) as { detail: string }[];
    conn.close();
    return rows.map((r) => r.detail);
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${query.text}`, values);
  await client.end();
  return result.rows.map((r) => r["QUERY PLAN"]);
}

async function bench(kind: "sqlite" | "postgres", target: DbTarget, seed: (tenantId: number) => Promise<void> | void) {
  await migrateAndProvision(target);
  let client: Db = createDb(target);
  const tenantId = await superTenantId(client);
  await client.$disconnect();
  const started = performance.now();
  await seed(tenantId);
  console.log(`\n${kind}: ${EVENTS.toLocaleString("en")} events seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  client = createDb(target);
  try {
    for (const c of CASES) {
      const filter = ZAuditFilter.parse(c.filter);
      let after: string | undefined;
      if (c.deep) {
        // A cursor 20,000 pages in (500,000 rows), as the pager's links would carry it.
        const [row] = await client.auditEvent.findMany({
          where: { tenantId },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          skip: 500_000,
          take: 1,
        });
        after = Buffer.from(JSON.stringify([row!.at.toISOString(), row!.id])).toString("base64url");
      }
      const page = await listAuditEvents(client, tenantId, filter, { size: 25, after });
      const pageTimes = await time(() => listAuditEvents(client, tenantId, filter, { size: 25, after }));
      // The pager's total as the page computes it (none for text; exact when the page is the whole view).
      const total = await auditTotal(client, tenantId, filter, page);
      const totalTimes = await time(() => auditTotal(client, tenantId, filter, page));
      console.log(`\n  ${c.name}: ${page.rows.length} rows; page ${ms(pageTimes)}; total ${JSON.stringify(total)} ${ms(totalTimes)}`);
      const key = after
        ? ((): [Date, number] => {
            const [at, id] = JSON.parse(Buffer.from(after, "base64url").toString()) as [string, number];
            return [new Date(at), id];
          })()
        : undefined;
      const query = auditRowsSql(tenantId, filter, { key, forward: true, limit: 26, window: filter.q ? TEXT_SCAN_WINDOW : undefined });
      console.log(`    SQL: ${inline(query, kind)}`);
      for (const line of await explain(kind, target, query)) console.log(`    | ${line}`);
    }
  } finally {
    await client.$disconnect();
  }
}

if (!args["no-sqlite"]) {
  const target = freshSqliteTarget(SQLITE_FILE);
  await bench("sqlite", target, seedSqlite);
}
if (args.postgres) {
  await withScratchPostgres("gatehouse_bench_audit", (target) =>
    bench("postgres", target, (tenantId) => seedPostgres(target.url, tenantId)),
  );
}
