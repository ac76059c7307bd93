// The HTTP section of `bench:users -- --tenants`: the super admin's /tenants page and a tenant
// admin's /users page from the production console, each beside the bare server on the same
// database (scripts/bench/bare-server.ts), as scripts/bench/users-http.ts does for one tenant.
import type { Db } from "../../lib/db/client.ts";
import type { DbTarget } from "../../lib/db/target.ts";
import { machineLoad } from "../bench-support.ts";
import { adminCookies, startBare, startConsole, timeGets, type Server } from "./http.ts";

export type TenantsHttpOptions = { superTenantId: number; tenantId: number; domain: string; port: number; workers: number; repeat: number };

/** A page, the cookie it is asked with, and the bare server's URL for the same rows when it differs. */
type Case = { name: string; path: string; cookie: string; bare?: string };

export async function tenantsHttpSection(kind: string, target: DbTarget, client: Db, o: TenantsHttpOptions): Promise<void> {
  // Each tenant's `admin` is its first user by id, so these are the sessions `admin` and `admin@<domain>` sign in to.
  const [superAdmin] = await adminCookies(client, o.superTenantId, 1);
  const [tenantAdmin] = await adminCookies(client, o.tenantId, 1);
  const page21 = "/tenants?page=21";
  const cases: Case[] = [
    { name: "super admin: /tenants", path: "/tenants", cookie: superAdmin! },
    { name: "super admin: /tenants page 21", path: page21, cookie: superAdmin! },
    { name: "super admin: /tenants search 42", path: "/tenants?q=42", cookie: superAdmin! },
    { name: "super admin: /tenants by created", path: "/tenants?sort=created", cookie: superAdmin! },
    { name: `admin@${o.domain}: /users`, path: "/users", cookie: tenantAdmin! },
    { name: `admin@${o.domain}: /users search ops`, path: "/users?q=ops", cookie: tenantAdmin!, bare: "/users?q=*ops*" },
  ];
  const servers: Server[] = [];
  try {
    servers.push(await startConsole(target, o.port, o.workers));
    servers.push(await startBare(target, o.port + 1, o.workers));
    const [gatehouse, bare] = servers as [Server, Server];
    const rows: string[] = [];
    const width = Math.max(...cases.map((c) => c.name.length));
    for (const c of cases) {
      const headers = { cookie: c.cookie };
      const real = await timeGets(`${gatehouse.url}${c.path}`, headers, o.repeat);
      const base = await timeGets(`${bare.url}${c.bare ?? c.path}`, { ...headers, "x-bare-bytes": String(real.bytes) }, o.repeat);
      rows.push(
        `  ${c.name.padEnd(width)} ${String(real.bytes).padStart(7)}  ${real.p50.toFixed(1).padStart(7)} ${real.p95.toFixed(1).padStart(7)}` +
          `  ${base.p50.toFixed(1).padStart(7)} ${base.p95.toFixed(1).padStart(7)}  ${(real.p95 / base.p95).toFixed(1).padStart(5)}×`,
      );
    }
    console.log(
      `\n  ${kind} over HTTP: ${o.workers} workers each, ${o.repeat} sequential GETs after 3 warm-ups (ms, to the last byte); ` +
        `load ${machineLoad()}`,
    );
    console.log(
      `  ${"case".padEnd(width)} ${"bytes".padStart(7)}  ${"p50".padStart(7)} ${"p95".padStart(7)}  ${"bare p50".padStart(7)} ` +
        `${"p95".padStart(7)}  p95/bare`,
    );
    for (const row of rows) console.log(row);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
