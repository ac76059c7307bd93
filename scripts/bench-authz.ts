// Measures the authorization decision API (lib/authz-check) on 100,000 users and 10,000 roles
// beside node-casbin on the same RBAC data (its best model, a role graph, and the former
// keyMatch-over-every-policy straw man), then over HTTP beside a bare node:http server.
//
//   npm run bench:authz -- [--users N] [--roles M] [--checks C] [--casbin-checks K] [--http-seconds S] [--port P]
//
// SQLite on data/bench/authz.db, recreated each run. In-process figures are per check: a tight
// loop of decide() over a loaded snapshot, checkAccessBatch on batches of 1,000, and single
// checkAccess calls (one await each). --http-seconds 0 skips the HTTP part (it needs `next build`).
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { tenantSnapshot, type Snapshot } from "../lib/authz-check/cache.ts";
import { allows, checkAccess, checkAccessBatch, decide } from "../lib/authz-check/check-access.ts";
import { readAuthzVersion } from "../lib/authz/version.ts";
import { createDb, type Db } from "../lib/db/client.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { PRIMARY } from "../lib/core/domains.ts";
import { superTenantId } from "../testing/seed.ts";
import { ALL_PATHS, seedRbacSqlite, userName, type RbacPlan } from "./bench-authz-data.ts";
import { httpFigures } from "./bench-authz-http.ts";
import { buildCasbinBest, buildCasbinStrawMan } from "./bench-casbin.ts";
import { freshSqliteTarget, migrateAndProvision, mix, quantile } from "./bench-common.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    roles: { type: "string", default: "10000" },
    checks: { type: "string", default: "1000000" },
    "casbin-checks": { type: "string", default: "20000" },
    "http-seconds": { type: "string", default: "10" },
    // The production server listens here, the bare one on the next port.
    port: { type: "string", default: "3801" },
  },
});
const USERS = Number(args.users);
const ROLES = Number(args.roles);
const CHECKS = Number(args.checks);
const CASBIN_CHECKS = Number(args["casbin-checks"]);
const HTTP_SECONDS = Number(args["http-seconds"]);
const FILE = path.resolve("data/bench/authz.db");
const BLOCK = 1000;

type Row = { engine: string; mode: string; checks: number; perSecond: number; nsPerCheck: number; p50: number; p99: number };
const rows: Row[] = [];

/** Runs `calls` calls of `run`, each answering `per` checks; p50/p99 are per call, in µs. Awaits only what returns a promise. */
async function measure(engine: string, mode: string, calls: number, per: number, run: (i: number) => unknown): Promise<void> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    const out = run(i);
    if (out instanceof Promise) await out;
    times.push((performance.now() - t0) * 1000);
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const checks = calls * per;
  rows.push({
    engine,
    mode,
    checks,
    perSecond: checks / seconds,
    nsPerCheck: (seconds * 1e9) / checks,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
  });
}

/** Check i of the workload: a pseudo-random user and tree node, the same for every engine. */
function workload(i: number): { user: string; permission: string } {
  return { user: userName(1 + (mix(i * 3 + 11) % USERS)), permission: ALL_PATHS[mix(i * 5 + 3) % ALL_PATHS.length]! };
}

async function prepare(): Promise<{ target: DbTarget & { provider: "sqlite" }; plan: RbacPlan }> {
  const target = freshSqliteTarget(FILE) as DbTarget & { provider: "sqlite" };
  await migrateAndProvision(target);
  const client = createDb(target);
  try {
    const tenantId = await superTenantId(client);
    const store = await client.userStore.findUniqueOrThrow({ where: { tenantId_domain: { tenantId, domain: PRIMARY } } });
    const maxUser = await client.user.aggregate({ _max: { id: true } });
    const maxRole = await client.role.aggregate({ _max: { id: true } });
    const first = { firstUserId: (maxUser._max.id ?? 0) + 1, firstRoleId: (maxRole._max.id ?? 0) + 1 };
    return { target, plan: { users: USERS, roles: ROLES, tenantId, storeId: store.id, ...first } };
  } finally {
    await client.$disconnect();
  }
}

/** The client, counting statements, for the cold-load figure. */
function counting(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const extended = db.$extends({ query: { $allOperations: ({ args: a, query }) => (n++, query(a)) } });
  return { db: extended as unknown as Db, count: () => n };
}

/** The former once-a-second signature: whole-table aggregates, kept here as the version row's baseline. */
async function formerSignature(db: Db, tenantId: number): Promise<void> {
  await Promise.all([
    db.role.aggregate({ where: { tenantId }, _count: { _all: true }, _sum: { version: true }, _max: { updatedAt: true } }),
    db.user.aggregate({ where: { tenantId }, _count: { _all: true }, _sum: { version: true } }),
    db.membership.count({ where: { role: { tenantId } } }),
    db.roleGrant.count({ where: { role: { tenantId } } }),
  ]);
}

async function timeMs(times: number, run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < times; i++) await run();
  return (performance.now() - t0) / times;
}

async function main(): Promise<void> {
  let t = performance.now();
  const { target, plan } = await prepare();
  seedRbacSqlite(FILE, plan);
  console.log(
    `seeded ${USERS.toLocaleString("en")} users and ${ROLES.toLocaleString("en")} roles in ` +
      `${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const base = createDb(target);
  const { db, count } = counting(base);
  const allUsers = Array.from({ length: USERS }, (_, i) => userName(i + 1));
  const coldMs: number[] = [];
  t = performance.now();
  for (let n = 0; n < USERS; n += BLOCK) {
    const t0 = performance.now();
    await checkAccessBatch(
      db,
      plan.tenantId,
      allUsers.slice(n, n + BLOCK).map((user) => ({ user, permission: "/permission/admin/login" })),
    );
    coldMs.push(performance.now() - t0);
  }
  const coldSeconds = (performance.now() - t) / 1000;
  coldMs.sort((a, b) => a - b);
  console.log(
    `cold users, batches of ${BLOCK} distinct users: p50 ${quantile(coldMs, 0.5).toFixed(1)} ms, p99 ` +
      `${quantile(coldMs, 0.99).toFixed(1)} ms per batch, ` +
      `${Math.round(USERS / coldSeconds).toLocaleString("en")} users/s, ${(count() / coldMs.length).toFixed(1)} statements ` +
      `per batch (all ${USERS.toLocaleString("en")} users loaded)`,
  );
  console.log(
    `version read (every request's session statement carries it; in-process callers once a second): ` +
      `${((await timeMs(200, () => readAuthzVersion(db, plan.tenantId))) * 1000).toFixed(0)} µs` +
      `; baseline, the former whole-table signature: ${(await timeMs(5, () => formerSignature(db, plan.tenantId))).toFixed(1)} ms`,
  );

  const snapshot = (await tenantSnapshot(db, plan.tenantId)) as Snapshot;
  // Through JSON, as an HTTP body arrives: fresh flat strings whose hashes are not computed yet.
  // Each loop gets its own copy, so none profits from hashes an earlier loop computed.
  const json = JSON.stringify(Array.from({ length: Math.min(CHECKS, 1_000_000) }, (_, i) => workload(i)));
  const fresh = () => JSON.parse(json) as { user: string; permission: string }[];
  let checks = fresh();
  const blocks = Math.floor(checks.length / BLOCK);
  // Baseline on this machine, now: one Map.get per check of the same JSON-parsed names, nothing else.
  const names = new Map(allUsers.map((u) => [u, u.length]));
  await measure("baseline", "Map.get only", blocks, BLOCK, (b) => {
    let sum = 0;
    for (let i = b * BLOCK; i < (b + 1) * BLOCK; i++) sum += names.get(checks[i]!.user)!;
    return sum > 0 ? undefined : sum;
  });
  checks = fresh();
  await measure("gatehouse", "decide() loop", blocks, BLOCK, (b) => {
    for (let i = b * BLOCK; i < (b + 1) * BLOCK; i++) decide(snapshot, checks[i]!);
  });
  checks = fresh();
  await measure("gatehouse", "allows() loop", blocks, BLOCK, (b) => {
    let n = 0;
    for (let i = b * BLOCK; i < (b + 1) * BLOCK; i++) if (allows(snapshot, checks[i]!.user, checks[i]!.permission)) n++;
    return n >= 0 ? undefined : n;
  });
  await measure("gatehouse", "batch of 1000", Math.min(blocks, 200), BLOCK, (b) =>
    checkAccessBatch(db, plan.tenantId, checks.slice(b * BLOCK, (b + 1) * BLOCK)),
  );
  await measure("gatehouse", "checkAccess", Math.min(checks.length, 100_000), 1, (i) => checkAccess(db, plan.tenantId, checks[i]!));

  t = performance.now();
  const best = await buildCasbinBest(plan);
  console.log(`built the casbin role-graph enforcer in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  checks = fresh();
  await measure("casbin best", "enforceSync", Math.floor(CASBIN_CHECKS / BLOCK), BLOCK, (b) => {
    for (let i = b * BLOCK; i < (b + 1) * BLOCK; i++) best.enforceSync(checks[i]!.user, checks[i]!.permission);
  });
  t = performance.now();
  const straw = await buildCasbinStrawMan(plan);
  console.log(`built the casbin keyMatch (straw man) enforcer in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await measure("casbin straw", "keyMatch scan", 100, 1, (i) => straw.enforceSync(checks[i]!.user, checks[i]!.permission));

  // Every engine must agree, or the comparison means nothing.
  const sample = checks.slice(0, 2000);
  const ours = await checkAccessBatch(db, plan.tenantId, sample.slice(0, 1000));
  ours.push(...(await checkAccessBatch(db, plan.tenantId, sample.slice(1000))));
  const disagreeBest = sample.filter((c, i) => best.enforceSync(c.user, c.permission) !== ours[i]!.allowed).length;
  const disagreeStraw = sample.slice(0, 100).filter((c, i) => straw.enforceSync(c.user, c.permission) !== ours[i]!.allowed).length;

  const http =
    HTTP_SECONDS > 0
      ? await httpFigures(base, target, plan.tenantId, allUsers, checks.slice(0, BLOCK), HTTP_SECONDS, Number(args.port))
      : [];
  await base.$disconnect();

  console.log(`\n${USERS.toLocaleString("en")} users, ${ROLES.toLocaleString("en")} roles, SQLite, warm snapshot; p50/p99 per call in µs`);
  console.log(["engine", "mode", "checks", "checks/s", "ns/check", "p50 µs", "p99 µs"].map((h) => h.padStart(15)).join(""));
  for (const r of rows)
    console.log(
      [r.engine, r.mode, r.checks, Math.round(r.perSecond), r.nsPerCheck.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1)]
        .map((v) => String(v).padStart(15))
        .join(""),
    );
  const ns = (engine: string, mode: string) => rows.find((r) => r.engine === engine && r.mode === mode)!.nsPerCheck;
  console.log(
    `\ncasbin best / gatehouse per check: ` +
      `${(ns("casbin best", "enforceSync") / ns("gatehouse", "allows() loop")).toFixed(1)}× (yes/no, as enforceSync), ` +
      `${(ns("casbin best", "enforceSync") / ns("gatehouse", "decide() loop")).toFixed(1)}× (decide loop, with reasons), ` +
      `${(ns("casbin best", "enforceSync") / ns("gatehouse", "batch of 1000")).toFixed(1)}× (batch of 1000); ` +
      `straw man / gatehouse: ${(ns("casbin straw", "keyMatch scan") / ns("gatehouse", "decide() loop")).toFixed(0)}×`,
  );
  console.log(
    `agreement: casbin best ${sample.length - disagreeBest}/${sample.length}, straw man ${100 - disagreeStraw}/100 ` +
      `(${ours.filter((d) => d.allowed).length} allowed)`,
  );
  if (http.length > 0) {
    console.log(`\nHTTP POST batch of ${BLOCK} checks, autocannon -c 8 for ${HTTP_SECONDS} s each`);
    console.log(["server", "requests/s", "checks/s", "p50 ms", "p99 ms", "errors"].map((h) => h.padStart(20)).join(""));
    for (const h of http)
      console.log(
        [h.server, h.requestsPerSecond.toFixed(0), Math.round(h.checksPerSecond), h.p50ms, h.p99ms, h.errors]
          .map((v) => String(v).padStart(20))
          .join(""),
      );
    console.log(`production / bare: ${((http[1]!.checksPerSecond / http[0]!.checksPerSecond) * 100).toFixed(0)}%`);
  }
  if (disagreeBest + disagreeStraw > 0) process.exitCode = 1;
}

await main();
