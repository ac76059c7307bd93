// Measures the user and role lists at scale (issue #3: "lists that stay fast with a million
// users"), calling the same lib/ functions the pages call, on a freshly migrated and
// provisioned database filled with bulk-inserted users.
//
//   npm run bench:users -- [--users N] [--repeat R] [--size S] [--postgres] [--no-sqlite] [--keep]
//                          [--no-http] [--http-repeat R] [--workers W] [--port P] [--tenants T]
//
// --tenants T (issue #15) seeds T tenants besides the super tenant, each with N users (default
// 1,000 then), and measures the tenant list and a tenant's users list instead
// (scripts/bench/tenants-bench.ts).
//
// After the in-process section, the HTTP section fetches each /users case from the production
// build (`next build` first) and from the bare server (scripts/bench/bare-server.ts) on the same
// database, both on W workers (default 2), on ports P and P+1 (default 3700): both servers are
// warmed by passes over every page, then each page is timed with R sequential GETs (--http-repeat, 100).
// SQLite runs on data/bench/users.db (recreated each run, kept afterwards). --postgres, or
// BENCH_DATABASE_URL set to a postgres:// admin URL, also runs on a uniquely named PostgreSQL
// database that is dropped afterwards, unless --keep asks to keep it for a closer look.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { can } from "../lib/authz/decide.ts";
import { createDb, type Db } from "../lib/db/client.ts";
import type { Sql } from "../lib/db/sql.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { getRole } from "../lib/roles/get-role.ts";
import { listRoleMembers } from "../lib/roles/list-role-members.ts";
import { listRoles } from "../lib/roles/list-roles.ts";
import { listStores } from "../lib/stores/list-stores.ts";
import { listUsers, type ListUsersParams } from "../lib/users/list-users.ts";
import { actorFor } from "../testing/actor.ts";
import { explainPostgres, explainSqlite, seedPostgres, seedSqlite, usernameOf } from "./bench-users-data.ts";
import { freshSqliteTarget, quantile } from "./bench-common.ts";
import { benchOptions, machineLoad, PG_ADMIN_URL as DEFAULT_PG_ADMIN_URL, prepareSeedPlan, withScratchPostgres } from "./bench-support.ts";
import { rawRunner, searchAndCountCases } from "./bench-users-search.ts";
import { httpSection } from "./bench/users-http.ts";
import { benchTenants } from "./bench/tenants-bench.ts";

const { values: args } = parseArgs({
  options: {
    ...benchOptions("users", "1000000", "30"),
    // No default: 1,000,000 users in one tenant, or 1,000 in each of --tenants.
    users: { type: "string" },
    tenants: { type: "string", default: "0" },
    size: { type: "string", default: "25" },
    keep: { type: "boolean", default: false },
    "no-http": { type: "boolean", default: false },
    // Sequential GETs a page over HTTP: a p95 of 30 would be the second-slowest request.
    "http-repeat": { type: "string", default: "100" },
    workers: { type: "string", default: "2" },
    port: { type: "string", default: "3700" },
  },
});
const TENANTS = Number(args.tenants);
const USERS = Number(args.users ?? (TENANTS > 0 ? 1000 : 1_000_000));
const REPEAT = Number(args.repeat);
const HTTP_REPEAT = Number(args["http-repeat"]);
const SIZE = Number(args.size);
const WARMUPS = 3;
const DEEP_PAGES = 50;
const SQLITE_FILE = path.resolve("data/bench/users.db");
const benchUrl = process.env.BENCH_DATABASE_URL;
const PG_ADMIN_URL = benchUrl && /^postgres(ql)?:\/\//i.test(benchUrl) ? benchUrl : DEFAULT_PG_ADMIN_URL;
const runPostgres = args.postgres || PG_ADMIN_URL === benchUrl;

if (
  !Number.isInteger(TENANTS) ||
  TENANTS < 0 ||
  !Number.isInteger(USERS) ||
  USERS < 1000 ||
  !Number.isInteger(REPEAT) ||
  REPEAT < 1 ||
  !Number.isInteger(HTTP_REPEAT) ||
  HTTP_REPEAT < 1 ||
  ![10, 25, 50, 100].includes(SIZE)
) {
  console.error(
    "usage: npm run bench:users -- [--users N>=1000] [--tenants T] [--repeat R>=1] [--http-repeat R>=1] [--size 10|25|50|100] [--postgres] [--no-sqlite] [--keep]",
  );
  process.exit(2);
}

const cleanups: (() => Promise<void>)[] = [];
process.once("SIGINT", () => void Promise.allSettled(cleanups.map((c) => c())).then(() => process.exit(130)));

/** Records the raw SQL a list function sends, so its plan can be shown. */
function capturing(client: Db): { db: Db; take: () => Sql | undefined } {
  let first: Sql | undefined;
  const db = new Proxy(client, {
    get(target, prop) {
      if (prop !== "$queryRaw") return Reflect.get(target, prop);
      return (query: Sql, ...rest: unknown[]) => {
        // On SQLite a trigram search first reads the key its walk stops at (lib/user-stores/database-reads.ts).
        if (!/LIMIT 1 OFFSET/.test(query.sql)) first ??= query;
        return (target.$queryRaw as (q: Sql, ...r: unknown[]) => Promise<unknown>)(query, ...rest);
      };
    },
  });
  const take = () => {
    const query = first;
    first = undefined;
    return query;
  };
  return { db, take };
}

type Case = { name: string; explain?: boolean; run: (client: Db) => Promise<number> };
type Result = { name: string; rows: number; p50: number; p95: number; max: number };

/** WARMUPS runs, then REPEAT timed ones; `run` answers its row count. */
async function timeRuns(run: () => Promise<number>): Promise<Omit<Result, "name">> {
  let rows = 0;
  for (let i = 0; i < WARMUPS; i++) rows = await run();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { rows, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1)! };
}

const measure = async (client: Db, c: Case): Promise<Result> => ({ name: c.name, ...(await timeRuns(() => c.run(client))) });

async function bench(kind: "sqlite" | "postgres", target: DbTarget, explain: (q: Sql) => Promise<string[]>): Promise<void> {
  if (TENANTS > 0) {
    const http = args["no-http"] ? undefined : { port: Number(args.port), workers: Number(args.workers), repeat: HTTP_REPEAT };
    return benchTenants(kind, target, { tenants: TENANTS, users: USERS, size: SIZE, repeat: REPEAT, measure: timeRuns, http });
  }
  console.log(`\n=== ${kind}: ${USERS.toLocaleString("en")} users ===`);
  const started = performance.now();
  const plan = await prepareSeedPlan(target, USERS, {
    onRolesReady: () => console.log(`  migrated and provisioned in ${((performance.now() - started) / 1000).toFixed(1)} s`),
  });
  const seeded = kind === "sqlite" ? await seedSqlite(SQLITE_FILE, plan) : await seedPostgres(target.url, plan);
  const total = seeded.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(
    `  seeded in ${(total / 1000).toFixed(1)} s: ${seeded.map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)} s`).join(", ")}`,
  );

  const client = createDb(target);
  cleanups.push(() => client.$disconnect());
  try {
    const admin = await client.user.findFirstOrThrow({ where: { tenantId: plan.tenantId, usernameKey: "admin" } });
    const principal = await actorFor(client, admin.id);
    if (!can(principal, "users.list") || !can(principal, "roles.list")) throw new Error("the admin cannot list users and roles");
    const tenantId = principal.tenantId;
    const ldap = (await listStores(client, tenantId)).find((s) => s.domain === "LDAP")!;
    const users = (c: Db, p: Partial<ListUsersParams>) =>
      listUsers(c, tenantId, { sort: "username", dir: "asc", size: SIZE, ...p }).then((r) => r.rows.length);

    let deep: string | undefined;
    for (let i = 0; i < DEEP_PAGES; i++)
      deep = (await listUsers(client, tenantId, { sort: "username", dir: "asc", size: SIZE, after: deep })).next ?? undefined;
    const roleByName = async (c: Db, name: string) => getRole(c, tenantId, plan.roleIds.get(name)!);
    const members = (name: string) => async (c: Db) => {
      const role = await roleByName(c, name); // the role page loads the role (with its member count) first
      return (await listRoleMembers(c, tenantId, role, { pattern: "*", size: SIZE })).rows.length;
    };

    const exact = usernameOf(Math.floor(USERS / 2)).toUpperCase();
    const cases: Case[] = [
      { name: "users: first page, name asc", explain: true, run: (c) => users(c, {}) },
      { name: "users: first page, name desc", run: (c) => users(c, { dir: "desc" }) },
      { name: `users: page ${DEEP_PAGES + 1} via keyset cursor`, explain: true, run: (c) => users(c, { after: deep }) },
      { name: `users: page ${DEEP_PAGES} backwards (before)`, run: (c) => users(c, { before: deep }) },
      { name: "users: first page, sort by domain", explain: true, run: (c) => users(c, { sort: "domain" }) },
      { name: `users: exact name ${exact}`, run: (c) => users(c, { pattern: exact }) },
      { name: "users: prefix user12*", explain: true, run: (c) => users(c, { pattern: "user12*" }) },
      { name: "users: infix *345*", explain: true, run: (c) => users(c, { pattern: "*345*" }) },
      { name: "users: suffix *99999", run: (c) => users(c, { pattern: "*99999" }) },
      { name: "users: infix, no match *zzz*", explain: true, run: (c) => users(c, { pattern: "*zzz*" }) },
      // The console's and the CLI's default (#14): text without * anywhere in the name, exact names first.
      { name: `users: search ${exact} (exact + contains)`, run: (c) => users(c, { search: exact }) },
      { name: "users: search 345 (contains)", explain: true, run: (c) => users(c, { search: "345" }) },
      { name: "users: search ops (contains)", run: (c) => users(c, { search: "ops" }) },
      { name: "users: search smith (contains)", run: (c) => users(c, { search: "smith" }) },
      { name: "users: search 99999 (rare)", run: (c) => users(c, { search: "99999" }) },
      { name: "users: search zzz (no match)", run: (c) => users(c, { search: "zzz" }) },
      { name: "users: search 12 (two letters)", run: (c) => users(c, { search: "12" }) },
      { name: "users: domain LDAP (10%)", explain: true, run: (c) => users(c, { storeId: ldap.id }) },
      {
        name: "users: claim email *@acme.com",
        explain: true,
        run: (c) => users(c, { claim: "http://wso2.org/claims/emailaddress", claimValue: "*@acme.com" }),
      },
      { name: "users: claim org Initech*", run: (c) => users(c, { claim: "http://wso2.org/claims/organization", claimValue: "Initech*" }) },
      { name: "role members: Internal/subscriber", explain: true, run: members("subscriber") },
      { name: "role members: team_07", run: members("team_07") },
      { name: "role members: auditors (small)", run: members("auditors") },
      { name: "roles: first page", run: (c) => listRoles(c, tenantId, { dir: "asc", size: SIZE }).then((r) => r.rows.length) },
      {
        name: "roles: search team (contains)",
        run: (c) => listRoles(c, tenantId, { search: "team", dir: "asc", size: SIZE }).then((r) => r.rows.length),
      },
      {
        name: "roles: Internal/*",
        run: (c) => listRoles(c, tenantId, { pattern: "Internal/*", dir: "asc", size: SIZE }).then((r) => r.rows.length),
      },
    ];

    const results: Result[] = [];
    for (const c of cases) results.push(await measure(client, c));
    const width = Math.max(...results.map((r) => r.name.length));
    console.log(
      `\n  ${kind}, N=${USERS.toLocaleString("en")}, page size ${SIZE}, ${REPEAT} runs after ${WARMUPS} warm-ups (ms); load ` +
        `${machineLoad()} on ${os.cpus().length} CPUs`,
    );
    console.log(`  ${"case".padEnd(width)}  ${"rows".padStart(4)}  ${"p50".padStart(8)}  ${"p95".padStart(8)}  ${"max".padStart(8)}`);
    for (const r of results) {
      const slow = r.p50 > 50 ? "  <- slow" : "";
      console.log(
        `  ${r.name.padEnd(width)}  ${String(r.rows).padStart(4)}  ${r.p50.toFixed(2).padStart(8)}  ` +
          `${r.p95.toFixed(2).padStart(8)}  ${r.max.toFixed(2).padStart(8)}${slow}`,
      );
    }

    await pairedCases(client, target, { tenantId, size: SIZE, roleIds: plan.roleIds });

    console.log(`\n  query plans (${kind === "sqlite" ? "EXPLAIN QUERY PLAN" : "EXPLAIN ANALYZE"}, the list's main query):`);
    const capture = capturing(client);
    for (const c of cases.filter((x) => x.explain)) {
      await c.run(capture.db);
      const query = capture.take();
      if (!query) continue;
      console.log(`  -- ${c.name}`);
      for (const line of await explain(query)) console.log(`     ${line}`);
    }

    if (!args["no-http"]) {
      await httpSection(kind, target, client, tenantId, {
        port: Number(args.port),
        workers: Number(args.workers),
        repeat: HTTP_REPEAT,
        deep: deep!,
        exact,
        ldap: ldap.domain,
      });
    }
  } finally {
    await client.$disconnect();
  }
}

/** The search and member-count cases, each beside its raw-SQL baseline (scripts/bench-users-search.ts). */
async function pairedCases(
  client: Db,
  target: DbTarget,
  context: { tenantId: number; size: number; roleIds: Map<string, number> },
): Promise<void> {
  const raw = await rawRunner(target);
  const load = machineLoad();
  try {
    const cases = searchAndCountCases({ ...context, raw });
    console.log(`\n  search and counts: Gatehouse (lib/) beside the raw-SQL baseline (driver only), ms; load ${load}`);
    const width = Math.max(...cases.map((c) => c.name.length));
    console.log(
      `  ${"case".padEnd(width)}  ${"rows".padStart(4)}  ${"p50".padStart(7)}  ${"p95".padStart(7)}  ` +
        `${"base p50".padStart(8)}  ${"base p95".padStart(8)}  same`,
    );
    for (const c of cases) {
      const same = JSON.stringify(await c.run(client)) === JSON.stringify(await c.baseline());
      const app = await measure(client, { name: c.name, run: (x) => c.run(x).then((r) => r.length) });
      const base = await measure(client, { name: c.name, run: () => c.baseline().then((r) => r.length) });
      console.log(
        `  ${c.name.padEnd(width)}  ${String(app.rows).padStart(4)}  ${app.p50.toFixed(2).padStart(7)}  ` +
          `${app.p95.toFixed(2).padStart(7)}  ${base.p50.toFixed(2).padStart(8)}  ${base.p95.toFixed(2).padStart(8)}  ` +
          `${same ? "yes" : "NO"}`,
      );
    }
  } finally {
    await raw.close();
  }
}

async function onSqlite(): Promise<void> {
  await bench("sqlite", freshSqliteTarget(SQLITE_FILE), async (q) => explainSqlite(SQLITE_FILE, q));
}

async function onPostgres(): Promise<void> {
  await withScratchPostgres("gatehouse_bench", (target) => bench("postgres", target, (q) => explainPostgres(target.url, q)), {
    adminUrl: PG_ADMIN_URL,
    keep: args.keep,
    cleanups,
    announce: true,
  });
}

if (!args["no-sqlite"]) await onSqlite();
if (runPostgres) await onPostgres();
