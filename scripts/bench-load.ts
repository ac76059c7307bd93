// Issue #12's load test: 200 signed-in admins (200 distinct console sessions) browsing /users,
// pages and searches, against the production build on every core (scripts/serve.mjs) and
// against the bare server (scripts/bench/bare-server.ts) on the same database, one after the
// other, with autocannon; then an open load of 10 requests/s for the p99 of a quiet server.
//
//   npm run bench:load -- [--users N] [--duration S] [--connections C] [--rate R] [--workers W]
//                         [--port P] [--postgres] [--no-sqlite]
//
// Needs `next build` first. SQLite runs on data/bench/load.db (recreated); --postgres also
// runs on a uniquely named PostgreSQL database, dropped afterwards.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Result } from "autocannon";
import { createDb, type Db } from "../lib/db/client.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { listUsers } from "../lib/users/list-users.ts";
import { freshSqliteTarget } from "./bench-common.ts";
import { withScratchPostgres } from "./bench-support.ts";
import { usernameOf } from "./bench-users-data.ts";
import { adminCookies, get, pageBytes, startBare, startConsole, type Server } from "./bench/http.ts";
import { seedBenchDatabase } from "./bench/seed.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "1000000" },
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "200" },
    rate: { type: "string", default: "10" },
    workers: { type: "string", default: String(os.availableParallelism()) },
    port: { type: "string", default: "3720" },
    postgres: { type: "boolean", default: false },
    "no-sqlite": { type: "boolean", default: false },
  },
});
const [USERS, DURATION, CONNECTIONS, RATE, WORKERS, PORT] = [
  args.users,
  args.duration,
  args.connections,
  args.rate,
  args.workers,
  args.port,
].map(Number) as [number, number, number, number, number, number];
if (![USERS, DURATION, CONNECTIONS, RATE, WORKERS, PORT].every((n) => Number.isInteger(n) && n >= 1) || USERS < CONNECTIONS) {
  console.error(
    "usage: npm run bench:load -- [--users N>=C] [--duration S] [--connections C] [--rate R] [--workers " +
      "W] [--port P] [--postgres] [--no-sqlite]",
  );
  process.exit(2);
}

/** What an admin browsing the list asks for: first pages, the next pages, sorts and searches. */
async function browsingPaths(client: Db, tenantId: number): Promise<string[]> {
  const paths = ["/users", "/users?sort=domain", "/users?dir=desc", "/users?q=user1*", "/users?domain=LDAP", "/roles"];
  let after: string | undefined;
  for (let page = 2; page <= 5; page++) {
    after = (await listUsers(client, tenantId, { sort: "username", dir: "asc", size: 25, after })).next ?? undefined;
    if (after) paths.push(`/users?after=${encodeURIComponent(after)}`);
  }
  paths.push(`/users?q=${encodeURIComponent(usernameOf(Math.floor(USERS / 3)))}`, "/users?q=*ops*", "/users?q=dev*");
  return paths;
}

type Row = { label: string; result: Result };

/** Closed load: CONNECTIONS clients, each sending its next request as soon as the last is answered. */
async function loadOn(server: Server, paths: string[], cookies: string[], bytes: Map<string, number>, rate?: number): Promise<Result> {
  let n = 0;
  const requests = paths.map((p) => ({
    method: "GET",
    path: p,
    // Every request comes from one of the signed-in admins, in turn.
    setupRequest: (request: { headers?: Record<string, string> }) => ({
      ...request,
      headers: { ...request.headers, cookie: cookies[n++ % cookies.length]!, "x-bare-bytes": String(bytes.get(p) ?? 0) },
    }),
  }));
  const connections = rate ? Math.min(CONNECTIONS, 10) : CONNECTIONS;
  return autocannon({ url: server.url, connections, duration: DURATION, timeout: 10, requests, ...(rate ? { overallRate: rate } : {}) });
}

/** Each page's size and how much of it is the inline RSC payload (the rest is the HTML). */
async function printPageBytes(server: Server, paths: string[], cookie: string): Promise<void> {
  for (const p of paths) {
    const { bytes, rsc } = await pageBytes(`${server.url}${p}`, { cookie });
    console.log(
      `${p.slice(0, 40).padEnd(40)} ${String(bytes).padStart(7)} bytes, RSC payload ${String(rsc).padStart(7)} ` +
        `(${Math.round((100 * rsc) / bytes)}%)`,
    );
  }
}

async function bench(kind: string, target: DbTarget): Promise<Row[]> {
  console.log(`\n=== ${kind}: ${USERS.toLocaleString("en")} users, ${CONNECTIONS} signed-in admins, ${DURATION} s per run ===`);
  const plan = await seedBenchDatabase(target, USERS);
  const client = createDb(target);
  const rows: Row[] = [];
  try {
    const cookies = await adminCookies(client, plan.tenantId, CONNECTIONS);
    const paths = await browsingPaths(client, plan.tenantId);
    const bytes = new Map<string, number>();
    for (const make of [() => startConsole(target, PORT, WORKERS), () => startBare(target, PORT + 1, WORKERS)]) {
      const server = await make();
      try {
        for (const p of paths) {
          // Each page once, signed in, before the clock: it must be a page, not a redirect to /login.
          const answer = await get(`${server.url}${p}`, { cookie: cookies[0]!, "x-bare-bytes": String(bytes.get(p) ?? 0) });
          if (answer.status !== 200) throw new Error(`${server.name} answered ${p} with ${answer.status}`);
          if (server.name === "gatehouse") bytes.set(p, answer.bytes);
        }
        if (server.name === "gatehouse") await printPageBytes(server, paths, cookies[0]!);
        // The open load first, on a quiet server: after the closed load, a slow server still
        // works through the requests autocannon gave up on.
        rows.push({ label: `${kind} ${server.name}, ${RATE} req/s`, result: await loadOn(server, paths, cookies, bytes, RATE) });
        rows.push({ label: `${kind} ${server.name}, ${CONNECTIONS} admins`, result: await loadOn(server, paths, cookies, bytes) });
      } finally {
        await server.stop();
      }
    }
  } finally {
    await client.$disconnect();
  }
  return rows;
}

function print(rows: Row[]): void {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(`\n${WORKERS} workers each; autocannon in this process on the same machine; load ${load} on ${os.cpus().length} CPUs`);
  const head = ["run", "req/s", "p50 ms", "p99 ms", "max ms", "2xx", "non-2xx", "errors", "timeouts"];
  const table = rows.map(({ label, result: r }) => [
    label,
    r.requests.average.toFixed(0),
    String(r.latency.p50),
    String(r.latency.p99),
    String(r.latency.max),
    String(r["2xx"]),
    String(r.non2xx),
    String(r.errors),
    String(r.timeouts),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  for (const line of [head, ...table])
    console.log(line.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  const closed = rows.filter((r) => r.label.endsWith("admins"));
  for (let i = 0; i + 1 < closed.length; i += 2) {
    const [real, bare] = [closed[i]!.result, closed[i + 1]!.result];
    console.log(
      `${closed[i]!.label.split(" ")[0]}: throughput ${((100 * real.requests.average) / bare.requests.average).toFixed(0)}% of bare`,
    );
  }
}

const rows: Row[] = [];
if (!args["no-sqlite"]) rows.push(...(await bench("sqlite", freshSqliteTarget(path.resolve("data/bench/load.db")))));
if (args.postgres) rows.push(...(await withScratchPostgres("gatehouse_load", (target) => bench("postgres", target))));
print(rows);
