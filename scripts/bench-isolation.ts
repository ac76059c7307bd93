// `npm run bench:isolation`: does "another tenant's object" take as long to refuse as "no such
// object"? Tenant A's admin asks the production server (next build, scripts/serve.mjs) for tenant
// B's objects and for missing ones, interleaved (B, missing, missing, B, …) after warm-ups, and the
// table sets their p50/p95 side by side. No assertion: the figures go to docs/tenants.md.
//   npm run bench:isolation -- --repeat 200 --port 3562
import http from "node:http";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createDb, type Db } from "../lib/db/client.ts";
import { createRoleCommand } from "../lib/roles/commands.ts";
import { createTenantCommand } from "../lib/tenants/commands.ts";
import { createUserCommand } from "../lib/users/commands.ts";
import { actorFor } from "../testing/actor.ts";
import { testConfig } from "../testing/config.ts";
import { seedUser } from "../testing/seed.ts";
import { freshSqliteTarget, migrateAndProvision, quantile } from "./bench-common.ts";
import { machineLoad } from "./bench-support.ts";
import { adminCookies, startConsole } from "./bench/http.ts";

const { values } = parseArgs({ options: { repeat: { type: "string", default: "200" }, port: { type: "string", default: "3562" } } });
const REPEAT = Number(values.repeat);
const WARMUPS = 20;
const PASSWORD = "a perfectly long password";
const MISSING = 987_654;

type Request = { method: string; path: string; headers?: Record<string, string>; body?: string };
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request on a kept-alive connection, timed from sending to the last byte. */
function send(base: string, r: Request): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(`${base}${r.path}`, { method: r.method, headers: r.headers, agent }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
    });
    request.on("error", reject);
    request.end(r.body);
  });
}

/** A tenant with one user and one role of the given names (B's are names A does not hold, for the by-name cases). */
async function tenant(db: Db, root: Awaited<ReturnType<typeof actorFor>>, domain: string, username: string, roleName: string) {
  const input = { domain, adminUsername: "admin", password: PASSWORD, firstName: "A", lastName: "B", email: `a@${domain}` };
  const { id } = await createTenantCommand.run(db, root, createTenantCommand.input.parse(input));
  const admin = await actorFor(db, (await db.user.findFirstOrThrow({ where: { tenantId: id, username: "admin" } })).id);
  const role = await createRoleCommand.run(
    db,
    admin,
    createRoleCommand.input.parse({ domain: "PRIMARY", name: roleName, permissions: [], userIds: [] }),
  );
  const user = (await createUserCommand.run(
    db,
    admin,
    createUserCommand.input.parse({ domain: "PRIMARY", username, password: PASSWORD, roleIds: [role.id] }),
  )) as { id: number };
  const store = await db.userStore.findFirstOrThrow({ where: { tenantId: id, domain: "PRIMARY" } });
  return { id, user: user.id, role: role.id, store: store.id };
}

async function main() {
  (globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = testConfig();
  const target = freshSqliteTarget("data/bench/isolation.db");
  await migrateAndProvision(target);
  const db = createDb(target);
  const root = await actorFor(db, (await seedUser(db, { admin: true })).id);
  const a = await tenant(db, root, "a.example", "alice", "editors");
  const b = await tenant(db, root, "b.example", "bonly", "only-b");
  const [cookie] = await adminCookies(db, a.id, 1);
  const server = await startConsole(target, Number(values.port), 1);
  try {
    const login = await fetch(`${server.url}/management/login`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`admin@a.example:${PASSWORD}`).toString("base64")}` },
    });
    const { AccessToken } = (await login.json()) as { AccessToken: string };
    const page = (path: string): Request => ({ method: "GET", path, headers: { cookie: cookie! } });
    const json = { cookie: cookie!, origin: server.url, "content-type": "application/json" };
    const bearer = { authorization: `Bearer ${AccessToken}` };
    const cases: [string, (x: string | number) => Request, string | number, string | number][] = [
      ["page /users/{id}", (x) => page(`/users/${x}`), b.user, MISSING],
      ["page /roles/{id}/users", (x) => page(`/roles/${x}/users`), b.role, MISSING],
      ["page /settings/user-stores/{id}", (x) => page(`/settings/user-stores/${x}`), b.store, MISSING],
      [
        "POST /api/v1/users/{id}/disable",
        (x) => ({ method: "POST", path: `/api/v1/users/${x}/disable`, headers: json, body: '{"version":1}' }),
        b.user,
        MISSING,
      ],
      ["GET /api/v1/roles/{id}/members", (x) => ({ method: "GET", path: `/api/v1/roles/${x}/members`, headers: json }), b.role, MISSING],
      ["GET /management/users/{name}", (x) => ({ method: "GET", path: `/management/users/${x}`, headers: bearer }), "bonly", "bzzzz"],
      // WSO2's tenant-qualified address naming B (or no tenant at all): refused before any object is read.
      [
        "GET /t/{tenant}/api/am/admin/v4/system-scopes",
        (x) => ({ method: "GET", path: `/t/${x}/api/am/admin/v4/system-scopes`, headers: json }),
        "b.example",
        "nowhere.example",
      ],
      ["GET /management/roles/{name}", (x) => ({ method: "GET", path: `/management/roles/${x}`, headers: bearer }), "only-b", "only-z"],
    ];
    console.log(
      `\n  tenant A's admin, B's object vs a missing one: ${REPEAT} of each, interleaved, after ${WARMUPS} warm-ups (ms, to the last byte)`,
    );
    console.log(`  SQLite, 1 worker; load (1, 5, 15 min) ${machineLoad()}`);
    console.log(`  ${"case".padEnd(46)} status   B p50  B p95   missing p50  p95   p50 ratio  p95 ratio`);
    for (const [name, request, forB, missing] of cases) {
      const times: [number[], number[]] = [[], []];
      const statuses = new Set<string>();
      for (let i = 0; i < WARMUPS + REPEAT; i++) {
        // ABBA order, so neither side always runs second on a warm cache.
        const order = i % 2 === 0 ? [0, 1] : [1, 0];
        for (const side of order) {
          const answer = await send(server.url, request(side === 0 ? forB : missing));
          statuses.add(`${side}:${answer.status}`);
          if (i >= WARMUPS) times[side]!.push(answer.ms);
        }
      }
      const [tb, tm] = times.map((t) => t.sort((x, y) => x - y));
      const status = [...statuses].map((s) => s.slice(2));
      if (new Set(status).size !== 1) throw new Error(`${name}: B's and the missing object answered ${[...statuses].join(", ")}`);
      const f = (n: number) => n.toFixed(1).padStart(6);
      const [b50, b95, m50, m95] = [quantile(tb!, 0.5), quantile(tb!, 0.95), quantile(tm!, 0.5), quantile(tm!, 0.95)];
      console.log(
        `  ${name.padEnd(46)} ${status[0]}    ${f(b50)} ${f(b95)}   ${f(m50)}   ${f(m95)}    ${(b50 / m50).toFixed(2)}       ${(b95 / m95).toFixed(2)}`,
      );
    }
  } finally {
    await server.stop();
    await db.$disconnect();
  }
}

await main();
