// `npm run bench:users -- --tenants N [--users U]` (issue #15): N tenants besides the super
// tenant, each with U synthetic users (default 1,000), then the super admin's tenant list and a
// middle tenant's users list, in process beside the raw SQL of the same work through the driver,
// and over HTTP (scripts/bench/tenants-http.ts) beside the bare server.
import { performance } from "node:perf_hooks";
import { createDb, type Db } from "../../lib/db/client.ts";
import type { DbTarget } from "../../lib/db/target.ts";
import { listTenants } from "../../lib/tenants/list-tenants.ts";
import type { TTenantOrder } from "../../lib/tenants/tenant-input.ts";
import { listUsers, type ListUsersParams } from "../../lib/users/list-users.ts";
import { seedPostgres, seedSqlite } from "../bench-users-data.ts";
import { machineLoad, prepareSeedPlan } from "../bench-support.ts";
import { rawRunner } from "../bench-users-search.ts";
import { usersPage } from "./bare-queries.ts";
import { tenantsPage, type BareTenantsParams } from "./bare-tenants.ts";
import { provisionBenchTenants, tenantDomain } from "./tenants-data.ts";
import { tenantsHttpSection } from "./tenants-http.ts";

export type Timed = { rows: number; p50: number; p95: number; max: number };
export type TenantsBenchOptions = {
  tenants: number;
  users: number;
  size: number;
  repeat: number;
  /** The caller's timing loop (warm-ups, then `repeat` runs): the single-tenant cases' own. */
  measure: (run: () => Promise<number>) => Promise<Timed>;
  http?: { port: number; workers: number; repeat: number };
};

/** Both sides answer the same list (a tenant list leads with its total), compared once before timing. */
type Paired = { name: string; app: () => Promise<unknown[]>; base: () => Promise<unknown[]> };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function benchTenants(kind: "sqlite" | "postgres", target: DbTarget, o: TenantsBenchOptions): Promise<void> {
  console.log(
    `\n=== ${kind}: ${o.tenants.toLocaleString("en")} tenants × ${o.users.toLocaleString("en")} users (and the super tenant) ===`,
  );
  let started = performance.now();
  const first = await prepareSeedPlan(target, o.users);
  const provisioner = createDb(target);
  const plans = await provisionBenchTenants(provisioner, o.tenants, first, (done) =>
    console.log(`  ${done} tenants provisioned (${seconds(performance.now() - started)})`),
  ).finally(() => provisioner.$disconnect());
  console.log(`  migrated and provisioned in ${seconds(performance.now() - started)}`);
  started = performance.now();
  const seeded = target.provider === "sqlite" ? await seedSqlite(target.file, plans) : await seedPostgres(target.url, plans);
  console.log(`  seeded in ${seconds(performance.now() - started)}: ${seeded.map(([what, ms]) => `${what} ${seconds(ms)}`).join(", ")}`);

  // Opened after the bulk load, as the single-tenant bench's: SQLite plans with the statistics a connection opens with.
  const client = createDb(target);
  try {
    const middle = plans[Math.ceil(plans.length / 2)]!;
    const domain = tenantDomain(Math.ceil(plans.length / 2));
    await pairedCases(kind, client, target, middle.tenantId, domain, o);
    if (o.http) {
      const http = { superTenantId: first.tenantId, domain, ...o.http };
      await tenantsHttpSection(kind, target, client, http);
    }
  } finally {
    await client.$disconnect();
  }
}

async function pairedCases(
  kind: string,
  client: Db,
  target: DbTarget,
  tenantId: number,
  domain: string,
  o: TenantsBenchOptions,
): Promise<void> {
  const raw = await rawRunner(target);
  const load = machineLoad();
  try {
    const limit = o.size;
    const tenants = (p: Partial<BareTenantsParams>): [() => Promise<unknown[]>, () => Promise<unknown[]>] => {
      const params = { limit, offset: 0, sort: "domain" as const, dir: "asc" as const, ...p };
      const order: TTenantOrder = { sort: params.sort, dir: params.dir };
      return [
        async () => {
          const list = await listTenants(client, { q: params.q, limit, offset: params.offset }, order);
          return [list.total, ...list.rows.map((r) => [r.domain, r.owners.map((w) => w.username)])];
        },
        async () => {
          const list = await tenantsPage(raw.rows, params);
          return [list.total, ...list.rows.map((r) => [r.domain, r.owners])];
        },
      ];
    };
    const users = (p: Partial<ListUsersParams>, q?: string): [() => Promise<unknown[]>, () => Promise<unknown[]>] => [
      async () => (await listUsers(client, tenantId, { sort: "username", dir: "asc", size: o.size, ...p })).rows.map((u) => u.id),
      async () => (await usersPage(raw.rows, tenantId, { q, sort: "username", dir: "asc", size: o.size, start: 1 })).rows.map((u) => u.id),
    ];
    const pair = (name: string, [app, base]: [() => Promise<unknown[]>, () => Promise<unknown[]>]): Paired => ({ name, app, base });
    const offset = Math.floor(o.tenants / 2 / limit) * limit;
    const cases: Paired[] = [
      pair("tenants: first page", tenants({})),
      pair(`tenants: offset ${offset}`, tenants({ offset })),
      pair("tenants: search 42 (contains)", tenants({ q: "42" })),
      pair("tenants: sort by created", tenants({ sort: "created" })),
      pair("tenants: sort by created, desc", tenants({ sort: "created", dir: "desc" })),
      pair(`users of ${domain}: first page`, users({})),
      pair(`users of ${domain}: search ops`, users({ search: "ops" }, "*ops*")),
      pair(`users of ${domain}: search 5 (contains)`, users({ search: "5" }, "*5*")),
    ];
    console.log(`\n  ${kind}: Gatehouse (lib/) beside the raw-SQL baseline (driver only), page size ${o.size}, ms; load ${load}`);
    const width = Math.max(...cases.map((c) => c.name.length));
    console.log(
      `  ${"case".padEnd(width)}  ${"rows".padStart(4)}  ${"p50".padStart(7)}  ${"p95".padStart(7)}  ` +
        `${"base p50".padStart(8)}  ${"base p95".padStart(8)}  ${"p95/base".padStart(8)}  same`,
    );
    for (const c of cases) {
      const same = JSON.stringify(await c.app()) === JSON.stringify(await c.base());
      const lead = c.name.startsWith("tenants") ? 1 : 0;
      const app = await o.measure(() => c.app().then((r) => r.length - lead));
      const base = await o.measure(() => c.base().then((r) => r.length - lead));
      console.log(
        `  ${c.name.padEnd(width)}  ${String(app.rows).padStart(4)}  ${app.p50.toFixed(2).padStart(7)}  ${app.p95.toFixed(2).padStart(7)}  ` +
          `${base.p50.toFixed(2).padStart(8)}  ${base.p95.toFixed(2).padStart(8)}  ${(app.p95 / base.p95).toFixed(2).padStart(7)}×  ${same ? "yes" : "NO"}`,
      );
    }
  } finally {
    await raw.close();
  }
}
