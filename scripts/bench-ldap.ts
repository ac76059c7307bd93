// Measures an LDAP user store at scale (issue #13: lists and searches over 100,000 LDAP users,
// first page and prefix search p95 <= 100 ms, beside slapd's own figures; a 5,000-member group
// without one query per member). A private slapd (testing/slapd.ts) is bulk-loaded with the
// fixture's users and groups; the baselines read it with `ldapsearch` and the LDAP Directory
// (scripts/bench-ldap-baselines.ts); then the store is mirrored with syncStore into a fresh
// Gatehouse database and the console's list functions are timed on that store.
//
//   npm run bench:ldap -- [--users N] [--groups G] [--big-groups B] [--repeat R] [--postgres] [--no-sqlite]
//
// SQLite runs on data/bench/ldap.db (recreated each run); --postgres also runs on a uniquely
// named PostgreSQL database, dropped afterwards. slapd and its folder go away at the end.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "../lib/db/client.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { getRole } from "../lib/roles/get-role.ts";
import { listRoleMembers } from "../lib/roles/list-role-members.ts";
import { seal } from "../lib/stores/secrets.ts";
import { attachDirectory, closeDirectory, directoryForStore } from "../lib/user-stores/external/directory-for.ts";
import { createLdapDirectory } from "../lib/user-stores/external/ldap/ldap-directory.ts";
import { syncStore } from "../lib/user-stores/external/sync.ts";
import { listUsers, type ListUsersParams } from "../lib/users/list-users.ts";
import { uniqueName } from "../testing/databases.ts";
import { generateDirectory, ldapSettingsFor } from "../testing/ldap-fixture.ts";
import { type Slapd, startSlapd } from "../testing/slapd.ts";
import { superTenantId } from "../testing/seed.ts";
import { countingDirectory, directoryFirstPage, directoryFullRead, ldapsearch, type Timed } from "./bench-ldap-baselines.ts";
import { freshSqliteTarget, migrateAndProvision, quantile } from "./bench-common.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    groups: { type: "string", default: "500" },
    "big-groups": { type: "string", default: "5" },
    repeat: { type: "string", default: "30" },
    postgres: { type: "boolean", default: false },
    "no-sqlite": { type: "boolean", default: false },
  },
});
const USERS = Number(args.users);
const GROUPS = Number(args.groups);
const BIG_GROUPS = Number(args["big-groups"]);
const BIG_GROUP_SIZE = 5_000;
const REPEAT = Number(args.repeat);
const SIZE = 25;
const WARMUPS = 3;
const SQLITE_FILE = path.resolve("data/bench/ldap.db");
const PG_ADMIN_URL = process.env.GATEHOUSE_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
if (![USERS, GROUPS, BIG_GROUPS, REPEAT].every((n) => Number.isInteger(n) && n >= 1) || USERS < 1_000 || BIG_GROUPS > GROUPS) {
  console.error("usage: npm run bench:ldap -- [--users N>=1000] [--groups G] [--big-groups B<=G] [--repeat R] [--postgres] [--no-sqlite]");
  process.exit(2);
}
// The store's bind password is sealed as the console seals it; a fixed key serves SQLite and PostgreSQL alike.
process.env.GATEHOUSE_STORE_KEY ??= "bench-ldap-store-key-not-a-secret-0123456789";

// The fixture names users user000019..user0NNNNN (six digits), so the user12* is user012* here
// (1,000 names at 100,000 users); the infix *123* matches across the whole range.
const PREFIX = "user012";
const INFIX = "123";
const EXACT = `user${String(Math.floor(USERS / 2)).padStart(6, "0")}`;

type Stats = { rows: number; p50: number; p95: number };
type Row = { name: string; app?: Stats & { sql: number; ldap: number }; baselines: { name: string; stats: Stats }[] };

const stats = (rows: number, times: number[]): Stats => {
  const sorted = [...times].sort((a, b) => a - b);
  return { rows, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};

async function timed(run: () => Promise<number> | number): Promise<Stats> {
  let rows = 0;
  for (let i = 0; i < WARMUPS; i++) rows = await run();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return stats(rows, times);
}

function ldapsearchTimed(slapd: Slapd, search: Parameters<typeof ldapsearch>[1]): Stats {
  const runs: Timed[] = [];
  for (let i = 0; i < WARMUPS + REPEAT; i++) runs.push(ldapsearch(slapd, search));
  return stats(
    runs[0]!.rows,
    runs.slice(WARMUPS).map((r) => r.ms),
  );
}

const load = () =>
  `uptime: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${os.cpus().length} CPUs`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The slapd-side figures, shared by every database run. */
async function baselines(slapd: Slapd, bigGroupDn: string) {
  const people = { base: slapd.peopleDn, attrs: ["uid"], page: SIZE };
  const directory = createLdapDirectory(ldapSettingsFor(slapd, { pageSize: SIZE }), true);
  const full = createLdapDirectory(ldapSettingsFor(slapd), true);
  try {
    const started = performance.now();
    const read = await directoryFullRead(full);
    console.log(
      `  Directory full read (users() + groups(), default pages): ${read.users} users, ${read.groups} groups, ` +
        `${read.members} member links in ${seconds(performance.now() - started)}`,
    );
    return {
      floor: ldapsearchTimed(slapd, { base: "", scope: "base", filter: "(objectClass=*)", attrs: ["1.1"] }),
      firstPage: ldapsearchTimed(slapd, { ...people, filter: "(objectClass=inetOrgPerson)" }),
      prefix: ldapsearchTimed(slapd, { ...people, filter: `(uid=${PREFIX}*)` }),
      infix: ldapsearchTimed(slapd, { ...people, filter: `(uid=*${INFIX}*)` }),
      exact: ldapsearchTimed(slapd, { ...people, filter: `(uid=${EXACT})` }),
      members: ldapsearchTimed(slapd, { base: bigGroupDn, scope: "base", filter: "(objectClass=*)", attrs: ["member"] }),
      dirFirstPage: await timed(() => directoryFirstPage(directory)),
      dirFind: await timed(async () => ((await directory.findUser(EXACT)) ? 1 : 0)),
    };
  } finally {
    await directory.close();
    await full.close();
  }
}
type Baselines = Awaited<ReturnType<typeof baselines>>;

async function gatehouse(kind: string, target: DbTarget, slapd: Slapd, base: Baselines): Promise<void> {
  console.log(`\n=== ${kind}: Gatehouse over the mirror ===`);
  await migrateAndProvision(target);
  const mirrored = await mirror(target, slapd);
  if (!mirrored) return;
  try {
    print(kind, await listCases(target, mirrored, base));
  } finally {
    await closeDirectory(mirrored.storeId);
  }
}

type Mirrored = { tenantId: number; storeId: number; directoryCalls: () => number };

/** An LDAP store row over the slapd (bind password sealed as the console seals it), then one timed full syncStore. */
async function mirror(target: DbTarget, slapd: Slapd): Promise<Mirrored | null> {
  let statements = 0;
  const client = createDb(target, { onStatement: () => statements++ });
  try {
    const tenantId = await superTenantId(client);
    const settings = { ...ldapSettingsFor(slapd), bindPassword: seal(slapd.rootPassword) };
    const store = await client.userStore.create({
      data: { tenantId, domain: "BENCHLDAP", kind: "secondary", type: "ldap", readOnly: true, settings: JSON.stringify(settings) },
    });
    // The store's own Directory (settings parsed, password unsealed), counted from here on.
    const counted = countingDirectory(directoryForStore(store));
    attachDirectory(store, counted.directory);
    const started = performance.now();
    try {
      const result = await syncStore(client, tenantId, store.id);
      console.log(
        `  syncStore: ${result.users} users, ${result.groups} groups in ${seconds(performance.now() - started)} ` +
          `(created ${result.created}, skipped ${result.skipped}; ${statements} SQL statements, ${counted.calls()} Directory ` +
          `calls); ${load()}`,
      );
    } catch (error) {
      console.log(`  skipped: syncStore not available (${error instanceof Error ? error.message : String(error)})`);
      await closeDirectory(store.id);
      return null;
    }
    return { tenantId, storeId: store.id, directoryCalls: counted.calls };
  } finally {
    await client.$disconnect();
  }
}

/**
 * The console's list functions on the mirrored store, on a new client as a (re)started server
 * has. Once, on the client that had run the sync, the first case had not answered after three
 * minutes: stale planner statistics, fixed by syncStore's PRAGMA optimize (docs/ldap.md, Performance).
 */
async function listCases(target: DbTarget, store: Mirrored, base: Baselines): Promise<Row[]> {
  let statements = 0;
  const client = createDb(target, { onStatement: () => statements++ });
  const { tenantId, storeId } = store;
  try {
    const big = await client.role.findFirstOrThrow({ where: { storeId }, orderBy: { memberCount: "desc" } });
    const users = (p: Partial<ListUsersParams>) => async () =>
      (await listUsers(client, tenantId, { sort: "username", dir: "asc", size: SIZE, storeId, ...p })).rows.length;
    const members = async () =>
      (await listRoleMembers(client, tenantId, await getRole(client, tenantId, big.id), { pattern: "*", size: SIZE })).rows.length;
    const measure = async (run: () => Promise<number>) => {
      const [sql, ldap] = [statements, store.directoryCalls()];
      await run();
      const once = { sql: statements - sql, ldap: store.directoryCalls() - ldap };
      return { ...(await timed(run)), ...once };
    };
    return [
      {
        name: "first page, name asc",
        app: await measure(users({})),
        baselines: [
          { name: "ldapsearch pr=25 (load order)", stats: base.firstPage },
          { name: "Directory users() page 1", stats: base.dirFirstPage },
        ],
      },
      {
        name: `prefix ${PREFIX}*`,
        app: await measure(users({ pattern: `${PREFIX}*` })),
        baselines: [{ name: `ldapsearch (uid=${PREFIX}*) pr=25`, stats: base.prefix }],
      },
      {
        name: `infix *${INFIX}*`,
        app: await measure(users({ pattern: `*${INFIX}*` })),
        baselines: [{ name: `ldapsearch (uid=*${INFIX}*) pr=25`, stats: base.infix }],
      },
      {
        name: `exact ${EXACT}`,
        app: await measure(users({ pattern: EXACT })),
        baselines: [
          { name: `ldapsearch (uid=${EXACT})`, stats: base.exact },
          { name: "Directory findUser (with groups)", stats: base.dirFind },
        ],
      },
      {
        name: `members of ${big.name} (${big.memberCount}), page 1`,
        app: await measure(members),
        baselines: [{ name: "ldapsearch base, all member values", stats: base.members }],
      },
      { name: "(ldapsearch process start-up floor)", baselines: [{ name: "ldapsearch root DSE, base", stats: base.floor }] },
    ];
  } finally {
    await client.$disconnect();
  }
}

function print(kind: string, rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  const bw = Math.max(...rows.flatMap((r) => r.baselines.map((b) => b.name.length)));
  const n = (v: number) => v.toFixed(2).padStart(7);
  console.log(
    `\n  ${kind}, ${USERS.toLocaleString("en")} LDAP users, page size ${SIZE}, ${REPEAT} runs after ${WARMUPS} warm-ups (ms); ${load()}`,
  );
  console.log(`  ${"case".padEnd(w)}  rows      p50      p95   SQL  LDAP | ${"baseline".padEnd(bw)}   rows      p50      p95`);
  for (const r of rows) {
    const app = r.app
      ? `${String(r.app.rows).padStart(4)}  ${n(r.app.p50)}  ${n(r.app.p95)}  ${String(r.app.sql).padStart(4)}  ` +
        `${String(r.app.ldap).padStart(4)}`
      : " ".repeat(34);
    r.baselines.forEach((b, i) => {
      const left = i === 0 ? `${r.name.padEnd(w)}  ${app}` : " ".repeat(w + 36);
      console.log(`  ${left} | ${b.name.padEnd(bw)}  ${String(b.stats.rows).padStart(5)}  ${n(b.stats.p50)}  ${n(b.stats.p95)}`);
    });
  }
}

async function onPostgres(slapd: Slapd, base: Baselines): Promise<void> {
  const name = uniqueName("gatehouse_bench_ldap");
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    await gatehouse("postgres", { provider: "postgres", url: url.toString() }, slapd, base);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    console.log(`  dropped database ${name}`);
  }
}

console.log(`bench:ldap: ${USERS.toLocaleString("en")} users, ${GROUPS} groups (${BIG_GROUPS} of ${BIG_GROUP_SIZE}); ${load()}`);
let started = performance.now();
const fixture = generateDirectory({ users: USERS, groups: GROUPS, bigGroups: BIG_GROUPS, bigGroupSize: BIG_GROUP_SIZE });
const slapd = await startSlapd({ ldif: fixture.ldif });
console.log(`  slapd at ${slapd.url}: generated and bulk-loaded (slapadd) in ${seconds(performance.now() - started)}`);
try {
  started = performance.now();
  const base = await baselines(slapd, fixture.groups[0]!.dn);
  console.log(`  baselines measured in ${seconds(performance.now() - started)}`);
  if (!args["no-sqlite"]) await gatehouse("sqlite", freshSqliteTarget(SQLITE_FILE), slapd, base);
  if (args.postgres) await onPostgres(slapd, base);
} finally {
  await slapd.stop();
  console.log(`  slapd stopped and its folder removed; ${load()}`);
}
