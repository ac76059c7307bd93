// The hot-path reads (#12) three ways in one run: through Prisma as they were read before
// (nested selects, findMany, $queryRaw), through the raw read path (lib/db/raw-read.ts), and
// the very SQL the raw path sends, run straight through a driver of its own (the baseline).
//
//   npm run bench:reads -- [--users N] [--repeat R] [--postgres] [--no-sqlite]
//
// Seeds with scripts/bench-users-data.ts: SQLite on data/bench/reads.db, PostgreSQL on a
// uniquely named database dropped afterwards. Figures are µs per call, p50 and p95.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { loadHeldGrants } from "../lib/authz/principal.ts";
import { createDb, type Db } from "../lib/db/client.ts";
import type { Sql } from "../lib/db/sql.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { getRole } from "../lib/roles/get-role.ts";
import { listRoles } from "../lib/roles/list-roles.ts";
import { listStores } from "../lib/stores/list-stores.ts";
import { databaseStore } from "../lib/user-stores/database-store.ts";
import { listUsers } from "../lib/users/list-users.ts";
import { freshSqliteTarget, quantile } from "./bench-common.ts";
import { seedPostgres, seedSqlite } from "./bench-users-data.ts";
import { benchOptions, machineLoad, prepareSeedPlan, withScratchPostgres } from "./bench-support.ts";
import { prismaReads } from "./bench-reads-prisma.ts";

const { values: args } = parseArgs({ options: benchOptions("users", "1000000", "300") });
const USERS = Number(args.users);
const REPEAT = Number(args.repeat);
const WARMUPS = 30;
const SQLITE_FILE = path.resolve("data/bench/reads.db");

/** Calls `run` with a client whose $queryRaw records each statement: the raw path falls back to it, so this is its SQL. */
async function statementsOf(client: Db, run: (c: Db) => Promise<unknown>): Promise<Sql[]> {
  const seen: Sql[] = [];
  const proxy = new Proxy(client, {
    get: (target, prop) => (prop === "$queryRaw" ? (query: Sql) => (seen.push(query), target.$queryRaw(query)) : Reflect.get(target, prop)),
  });
  await run(proxy);
  return seen;
}

type Driver = { run: (query: Sql) => Promise<unknown>; close: () => Promise<void> };

function sqliteDriver(file: string): Driver {
  const conn = new Database(file, { readonly: true });
  const prepared = new Map<string, Database.Statement>();
  return {
    run: async (query) => {
      let statement = prepared.get(query.sql);
      if (!statement) prepared.set(query.sql, (statement = conn.prepare(query.sql)));
      return statement.all(...(query.values as unknown[]));
    },
    close: async () => void conn.close(),
  };
}

function postgresDriver(url: string): Driver {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // Dropping the database at the end terminates idle connections: not an error worth a crash.
  pool.on("error", () => undefined);
  return { run: (query) => pool.query(query.text, query.values as unknown[]), close: () => pool.end() };
}

type Stats = { p50: number; p95: number };

/**
 * Times several ways of doing one read, interleaved call by call, so a change in the machine's
 * load during the run weighs on all of them alike.
 */
async function timesOf(runs: (() => Promise<unknown>)[]): Promise<Stats[]> {
  for (let i = 0; i < WARMUPS; i++) for (const run of runs) await run();
  const times = runs.map(() => [] as number[]);
  for (let i = 0; i < REPEAT; i++) {
    // The starting way rotates: garbage left by one call (Prisma's most) is not always paid by the same next one.
    for (let j = 0; j < runs.length; j++) {
      const k = (i + j) % runs.length;
      const start = performance.now();
      await runs[k]!();
      times[k]!.push((performance.now() - start) * 1000);
    }
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return { p50: quantile(t, 0.5), p95: quantile(t, 0.95) };
  });
}

type Case = { name: string; prisma: (c: Db) => Promise<unknown>; raw: (c: Db) => Promise<unknown> };

async function bench(kind: "sqlite" | "postgres", target: DbTarget, driver: () => Driver): Promise<void> {
  const plan = await prepareSeedPlan(target, USERS, {
    permissions: ["/permission/admin/login", "/permission/admin/manage/identity/usermgt/view"],
  });
  const seeded =
    kind === "sqlite" ? await seedSqlite(target.provider === "sqlite" ? target.file : "", plan) : await seedPostgres(target.url, plan);
  console.log(
    `\n=== ${kind}: ${USERS.toLocaleString("en")} users, seeded in ${(seeded.reduce((s, [, ms]) => s + ms, 0) / 1000).toFixed(0)} s ===`,
  );
  const client = createDb(target);
  const direct = driver();
  try {
    const { tenantId } = plan;
    const page = await listUsers(client, tenantId, { sort: "username", dir: "asc", size: 25 });
    const ids = page.rows.map((r) => r.id);
    const userId = ids[0]!;
    const roleId = plan.roleIds.get("team_07")!;
    const old = prismaReads(tenantId);
    const cases: Case[] = [
      { name: "store list (listStores)", prisma: (c) => old.listStores(c), raw: (c) => listStores(c, tenantId) },
      {
        name: "users page: 25 users (listDatabaseUsers)",
        prisma: (c) => old.usersPage(c),
        raw: (c) => databaseStore.listUsers(c, tenantId, { sort: "username", dir: "asc", size: 25 }),
      },
      {
        name: "rolesOf 25 users (gatehouseRolesOfUsers)",
        prisma: (c) => old.rolesOf(c, ids),
        raw: (c) => databaseStore.rolesOfUsers(c, tenantId, ids),
      },
      {
        name: "held grants of 25 users (loadHeldGrants)",
        prisma: (c) => old.heldGrants(c, ids),
        raw: (c) => loadHeldGrants(c, tenantId, ids),
      },
      {
        name: "/users list: stores + users + roles (listUsers)",
        prisma: (c) => old.listUsers(c),
        raw: (c) => listUsers(c, tenantId, { sort: "username", dir: "asc", size: 25 }),
      },
      {
        name: "one user with claims (getDatabaseUser)",
        prisma: (c) => old.getUser(c, userId),
        raw: (c) => databaseStore.getUser(c, tenantId, userId),
      },
      {
        name: "25 users by id (getDatabaseUsers)",
        prisma: (c) => old.getUsers(c, ids),
        raw: (c) => databaseStore.getUsers(c, tenantId, ids),
      },
      {
        name: "role with grants and count (getRole, team_07)",
        prisma: (c) => old.getRole(c, roleId),
        raw: (c) => getRole(c, tenantId, roleId),
      },
      {
        name: "/roles first page (listRoles)",
        prisma: (c) => old.listRoles(c),
        raw: (c) => listRoles(c, tenantId, { dir: "asc", size: 25 }),
      },
    ];
    console.log(
      `  ${REPEAT} calls after ${WARMUPS} warm-ups each, the three ways interleaved, µs p50 / p95; load ${machineLoad()} on ` +
        `${os.cpus().length} CPUs`,
    );
    const width = Math.max(...cases.map((c) => c.name.length));
    console.log(
      `  ${"read".padEnd(width)}  ${"Prisma (before)".padStart(17)}  ${"raw path (now)".padStart(17)}  ` +
        `${"driver (baseline)".padStart(17)}  now/base`,
    );
    for (const c of cases) {
      const sqls = await statementsOf(client, c.raw);
      const [before, now, base] = (await timesOf([
        () => c.prisma(client),
        () => c.raw(client),
        async () => {
          for (const q of sqls) await direct.run(q);
        },
      ])) as [Stats, Stats, Stats];
      const cell = (t: Stats) => `${t.p50.toFixed(0)} / ${t.p95.toFixed(0)}`.padStart(17);
      console.log(`  ${c.name.padEnd(width)}  ${cell(before)}  ${cell(now)}  ${cell(base)}  ${(now.p50 / base.p50).toFixed(2)}×`);
    }
  } finally {
    await direct.close();
    await client.$disconnect();
  }
}

if (!args["no-sqlite"]) await bench("sqlite", freshSqliteTarget(SQLITE_FILE), () => sqliteDriver(SQLITE_FILE));
if (args.postgres) await withScratchPostgres("gatehouse_reads", (target) => bench("postgres", target, () => postgresDriver(target.url)));
