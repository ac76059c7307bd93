// Measures Export users (issue #16: "1,000,000 users exported in <= 30 s, at constant memory"):
// lib/users/export-users.ts as the route calls it (CSV, no filter, the list's order), read to
// the end, beside a raw driver SELECT of the same rows and columns (name, domain, roles, claims,
// in the same keyset batches, no Prisma, no CSV) in the same run, with the peak RSS of each.
//
//   npm run bench:export -- [--users N] [--batch B] [--postgres] [--no-sqlite]
//
// The database is bench:users' (scripts/bench/seed.ts: the same tenant, stores, roles, claims
// and memberships, bulk-inserted). Each read runs in a fresh child process, so its peak RSS is
// its own and not the seeding's; the live heap after a forced GC, sampled every 100,000 users,
// shows whether memory grows with the number of users read. SQLite runs on data/bench/export.db (recreated each run);
// --postgres also runs on a uniquely named PostgreSQL database, dropped afterwards.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, type Db } from "../lib/db/client.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { exportUsers, USERS_EXPORT_BATCH, ZUserExportInput } from "../lib/users/export-users.ts";
import { actorFor } from "../testing/actor.ts";
import { freshSqliteTarget } from "./bench-common.ts";
import { benchOptions, machineLoad, withScratchPostgres } from "./bench-support.ts";
import { seedBenchDatabase } from "./bench/seed.ts";

const { values: args } = parseArgs({
  options: {
    ...benchOptions("users", "1000000", "1"),
    batch: { type: "string", default: String(USERS_EXPORT_BATCH) },
    // Internal: the child process that runs one read (JSON: the read, the target, the tenant, the admin).
    measure: { type: "string" },
  },
});
const USERS = Number(args.users);
const BATCH = Number(args.batch);
const SQLITE_FILE = path.resolve("data/bench/export.db");
if (!Number.isInteger(USERS) || USERS < 1 || !Number.isInteger(BATCH) || BATCH < 1 || BATCH > 1000) {
  console.error("usage: npm run bench:export -- [--users N] [--batch 1-1000] [--postgres] [--no-sqlite]");
  process.exit(2);
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Live heap after a forced GC (bench:export runs with --expose-gc), the highest seen. */
let liveHeap = 0;
function sampleLiveHeap() {
  (globalThis as { gc?: () => void }).gc?.();
  liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
}

/**
 * The highest RSS seen: sampled on a timer and on every chunk or batch read (SQLite's reads
 * resolve without yielding to the event loop, so a timer alone may never fire).
 */
let peak = 0;
const sampleRss = () => (peak = Math.max(peak, process.memoryUsage.rss()));

/** Runs `work`: its time, and the highest RSS seen beside the RSS it started at. */
async function measured(work: () => Promise<{ rows: number; bytes: number }>) {
  sampleLiveHeap();
  const startRss = process.memoryUsage.rss();
  peak = startRss;
  const sampler = setInterval(sampleRss, 20);
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    return { ...result, seconds, startRss, peak: sampleRss(), liveHeap };
  } finally {
    clearInterval(sampler);
  }
}

/** The export as the route serves it, read to the end as a client would (the bytes are counted, not kept). */
async function viaExport(client: Db, adminId: number) {
  const actor = await actorFor(client, adminId);
  const file = await exportUsers(client, actor, ZUserExportInput.parse({ format: "csv" }), { batch: BATCH });
  const reader = file.body.getReader();
  let bytes = 0;
  let rows = -1; // the header
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    sampleRss();
    for (const b of value) if (b === 10 && ++rows % 100_000 === 0) sampleLiveHeap();
  }
  return { rows, bytes };
}

// The floor: the same rows and columns, keyset batches of the same size, one statement each.
const RAW_SQL = (param: (n: number) => string, agg: (expr: string, sep: string) => string) => `
  SELECT u."id", u."usernameKey", u."username", s."domain",
    (SELECT ${agg(`rs."domain" || '/' || r."name"`, ":")} FROM "Membership" m JOIN "Role" r ON r."id" = m."roleId"
       JOIN "UserStore" rs ON rs."id" = r."storeId" WHERE m."userId" = u."id") AS "roles",
    (SELECT ${agg(`c."claim" || '=' || c."value"`, ",")} FROM "UserClaim" c WHERE c."userId" = u."id") AS "claims"
  FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
  WHERE u."tenantId" = ${param(1)} AND (u."usernameKey", u."id") > (${param(2)}, ${param(3)})
  ORDER BY u."usernameKey", u."id" LIMIT ${param(4)}`;

type RawRow = { id: number; usernameKey: string; username: string; domain: string; roles: string | null; claims: string | null };

async function viaRawDriver(target: DbTarget, tenantId: number) {
  let rows = 0;
  let bytes = 0;
  let key: [string, number] = ["", 0];
  const count = (batch: RawRow[]) => {
    for (const r of batch) bytes += r.username.length + r.domain.length + (r.roles?.length ?? 0) + (r.claims?.length ?? 0);
    if (Math.floor((rows + batch.length) / 100_000) > Math.floor(rows / 100_000)) sampleLiveHeap();
    rows += batch.length;
    sampleRss();
    const last = batch.at(-1);
    if (last) key = [last.usernameKey, Number(last.id)];
    return batch.length === BATCH;
  };
  if (target.provider === "sqlite") {
    const db = new Database(target.file, { readonly: true });
    const statement = db.prepare(
      RAW_SQL(
        () => "?",
        (expr, sep) => `group_concat(${expr}, '${sep}')`,
      ),
    );
    while (count(statement.all(tenantId, key[0], key[1], BATCH) as RawRow[]));
    db.close();
  } else {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const text = RAW_SQL(
      (n) => `$${n}`,
      (expr, sep) => `string_agg(${expr}, '${sep}')`,
    );
    while (count((await client.query<RawRow>({ text, values: [tenantId, key[0], key[1], BATCH], name: "bench-export-raw" })).rows));
    await client.end();
  }
  return { rows, bytes };
}

type Measure = { read: "export" | "raw"; target: DbTarget; tenantId: number; adminId: number };
type Measured = Awaited<ReturnType<typeof measured>>;

/** The child: one read, its figures as JSON on stdout. */
async function measureChild(m: Measure): Promise<Measured> {
  if (m.read === "raw") return measured(() => viaRawDriver(m.target, m.tenantId));
  const client = createDb(m.target);
  try {
    return await measured(() => viaExport(client, m.adminId));
  } finally {
    await client.$disconnect();
  }
}

function inChild(m: Measure): Measured {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, "--measure", JSON.stringify(m), "--batch", String(BATCH)], {
    encoding: "utf8",
    maxBuffer: 2 ** 20,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (child.status !== 0) throw new Error(`the ${m.read} read failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Measured;
}

async function run(label: string, target: DbTarget) {
  console.log(`\n${label}: ${USERS.toLocaleString("en")} users, batches of ${BATCH}`);
  const plan = await seedBenchDatabase(target, USERS);
  const client = createDb(target);
  const admin = await client.user.findFirstOrThrow({ where: { tenantId: plan.tenantId, usernameKey: "admin" } });
  await client.$disconnect();
  const base = { target, tenantId: plan.tenantId, adminId: admin.id };
  const exported = inChild({ ...base, read: "export" });
  const raw = inChild({ ...base, read: "raw" });
  console.log(`  machine load (1/5/15 min): ${machineLoad()}; each read in a fresh process`);
  console.log("  | read | users | time | users/s | RSS at start | peak RSS | live heap after GC, highest |");
  console.log("  | --- | --- | --- | --- | --- | --- | --- |");
  for (const [name, r] of [
    [`export (CSV, ${mb(exported.bytes)})`, exported],
    ["raw driver SELECT, same rows and columns", raw],
  ] as const) {
    const rate = Math.round(r.rows / r.seconds).toLocaleString("en");
    console.log(
      `  | ${name} | ${r.rows.toLocaleString("en")} | ${r.seconds.toFixed(1)} s | ${rate} | ${mb(r.startRss)} | ${mb(r.peak)} | ${mb(r.liveHeap)} |`,
    );
  }
  if (exported.rows !== raw.rows) throw new Error(`The export wrote ${exported.rows} users, the raw read found ${raw.rows}.`);
}

if (args.measure) {
  console.log(JSON.stringify(await measureChild(JSON.parse(args.measure) as Measure)));
} else {
  if (!args["no-sqlite"]) await run("SQLite", freshSqliteTarget(SQLITE_FILE));
  if (args.postgres) await withScratchPostgres("gatehouse_bench_export", (target) => run("PostgreSQL", target), { announce: true });
}
