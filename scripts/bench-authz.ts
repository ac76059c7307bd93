// Measures the authorization decision API (lib/authz-check) on 100,000 users and 10,000 roles,
// from a warm cache, and node-casbin on the same RBAC data, side by side (issue #5).
//
//   npm run bench:authz -- [--users N] [--roles M] [--checks C] [--casbin-checks K]
//
// SQLite on data/bench/authz.db, recreated each run. Latencies are per call to checkAccess
// (one check) or checkAccessBatch (a batch), in this process, without HTTP.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { readSignature } from "../lib/authz-check/cache.ts";
import { checkAccess, checkAccessBatch, type AccessCheck } from "../lib/authz-check/check-access.ts";
import { createDb } from "../lib/db/client.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { PRIMARY } from "../lib/core/domains.ts";
import { superTenantId } from "../testing/seed.ts";
import { ALL_PATHS, seedRbacSqlite, userName, type RbacPlan } from "./bench-authz-data.ts";
import { buildCasbin } from "./bench-casbin.ts";
import { freshSqliteTarget, migrateAndProvision, mix, quantile } from "./bench-common.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    roles: { type: "string", default: "10000" },
    checks: { type: "string", default: "20000" },
    "casbin-checks": { type: "string", default: "200" },
  },
});
const USERS = Number(args.users);
const ROLES = Number(args.roles);
const CHECKS = Number(args.checks);
const CASBIN_CHECKS = Number(args["casbin-checks"]);
const FILE = path.resolve("data/bench/authz.db");

type Row = { engine: string; mode: string; checks: number; perSecond: number; p50: number; p99: number; max: number };
const rows: Row[] = [];

/** Runs `calls` calls of `run` (each answering `per` checks) and records the figures, in microseconds per call. */
async function measure(engine: string, mode: string, calls: number, per: number, run: (i: number) => unknown): Promise<void> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await run(i);
    times.push((performance.now() - t0) * 1000);
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  rows.push({
    engine,
    mode,
    checks: calls * per,
    perSecond: (calls * per) / seconds,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    max: times.at(-1)!,
  });
}

/** Check i of the workload: a pseudo-random user and tree node, the same for both engines. */
function workload(i: number): { user: string; permission: string } {
  return { user: userName(1 + (mix(i * 3 + 11) % USERS)), permission: ALL_PATHS[mix(i * 5 + 3) % ALL_PATHS.length]! };
}

async function prepare(): Promise<{ target: DbTarget; plan: RbacPlan }> {
  const target = freshSqliteTarget(FILE);
  await migrateAndProvision(target);
  const client = createDb(target);
  try {
    const tenantId = await superTenantId(client);
    const store = await client.userStore.findUniqueOrThrow({ where: { tenantId_domain: { tenantId, domain: PRIMARY } } });
    const maxUser = await client.user.aggregate({ _max: { id: true } });
    const maxRole = await client.role.aggregate({ _max: { id: true } });
    return {
      target,
      plan: {
        users: USERS,
        roles: ROLES,
        tenantId,
        storeId: store.id,
        firstUserId: (maxUser._max.id ?? 0) + 1,
        firstRoleId: (maxRole._max.id ?? 0) + 1,
      },
    };
  } finally {
    await client.$disconnect();
  }
}

async function main(): Promise<void> {
  let t = performance.now();
  const { target, plan } = await prepare();
  seedRbacSqlite(FILE, plan);
  console.log(
    `seeded ${USERS.toLocaleString("en")} users and ${ROLES.toLocaleString("en")} roles in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const db = createDb(target);
  t = performance.now();
  for (let n = 1; n <= USERS; n += 1000) {
    const users = Array.from({ length: Math.min(1000, USERS - n + 1) }, (_, i) => userName(n + i));
    await checkAccessBatch(
      db,
      plan.tenantId,
      users.map((user) => ({ user, permission: "/permission/admin/login" })),
    );
  }
  console.log(`warmed the cache with every user in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  for (let i = 0; i < 5; i++) await readSignature(db, plan.tenantId);
  console.log(`one signature re-read (once a second per tenant, off the request path): ${((performance.now() - t) / 5).toFixed(1)} ms`);
  await measure("gatehouse", "single", CHECKS, 1, (i) => checkAccess(db, plan.tenantId, workload(i)));
  await measure("gatehouse", "batch of 100", CHECKS / 100, 100, (b) =>
    checkAccessBatch(
      db,
      plan.tenantId,
      Array.from({ length: 100 }, (_, i): AccessCheck => workload(b * 100 + i)),
    ),
  );
  await measure("gatehouse", "batch of 1000", CHECKS / 1000, 1000, (b) =>
    checkAccessBatch(
      db,
      plan.tenantId,
      Array.from({ length: 1000 }, (_, i): AccessCheck => workload(b * 1000 + i)),
    ),
  );

  t = performance.now();
  const enforcer = await buildCasbin(plan);
  console.log(`built the casbin enforcer in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await measure("casbin", "single (enforceSync)", CASBIN_CHECKS, 1, (i) => enforcer.enforceSync(workload(i).user, workload(i).permission));
  // batchEnforce is left out: it runs the same per-policy scan for each request, and was slower than single calls.

  // Both engines must agree, or the comparison means nothing.
  const sample = Array.from({ length: Math.min(500, CASBIN_CHECKS) }, (_, i) => workload(i));
  const ours = await checkAccessBatch(db, plan.tenantId, sample);
  const disagree = sample.filter((c, i) => enforcer.enforceSync(c.user, c.permission) !== ours[i]!.allowed).length;
  const allowed = ours.filter((d) => d.allowed).length;
  await db.$disconnect();

  console.log(`\n${USERS.toLocaleString("en")} users, ${ROLES.toLocaleString("en")} roles, SQLite, warm cache; latency per call in µs`);
  console.log(["engine", "mode", "checks", "checks/s", "p50 µs", "p99 µs", "max µs"].map((h) => h.padStart(14)).join(""));
  for (const r of rows)
    console.log(
      [r.engine, r.mode.slice(0, 13), r.checks, Math.round(r.perSecond), r.p50.toFixed(0), r.p99.toFixed(0), r.max.toFixed(0)]
        .map((v) => String(v).padStart(14))
        .join(""),
    );
  console.log(`\nagreement on ${sample.length} checks: ${sample.length - disagree} agree, ${disagree} disagree (${allowed} allowed)`);
  if (disagree > 0) process.exitCode = 1;
}

await main();
