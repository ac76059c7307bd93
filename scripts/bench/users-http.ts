// The HTTP section of `npm run bench:users`: each /users case (and the roles list) fetched
// sequentially from the production console and from the bare server on the same database,
// p50/p95 from sending the request to the last byte of the page.
import os from "node:os";
import type { Db } from "../../lib/db/client.ts";
import type { DbTarget } from "../../lib/db/target.ts";
import { adminCookies, startBare, startConsole, timeGets, type Server } from "./http.ts";

export type HttpOptions = { port: number; workers: number; repeat: number; deep: string; exact: string; ldap: string };

export async function httpSection(kind: string, target: DbTarget, client: Db, tenantId: number, o: HttpOptions): Promise<void> {
  const [cookie] = await adminCookies(client, tenantId, 1);
  const headers = { cookie: cookie! };
  const cases: [name: string, path: string][] = [
    ["users: first page", "/users"],
    ["users: page 51 (keyset cursor)", `/users?after=${encodeURIComponent(o.deep)}`],
    ["users: page 50 backwards", `/users?before=${encodeURIComponent(o.deep)}`],
    ["users: prefix dev*", "/users?q=dev*"],
    ["users: infix *ops*", "/users?q=*ops*"],
    ["users: suffix *99999", "/users?q=*99999"],
    [`users: exact ${o.exact}`, `/users?q=${encodeURIComponent(o.exact)}`],
    ["users: sort by domain", "/users?sort=domain"],
    [`users: domain ${o.ldap}`, `/users?domain=${o.ldap}`],
    ["users: claim *@acme.com", `/users?claim=${encodeURIComponent("http://wso2.org/claims/emailaddress")}&value=*%40acme.com`],
    ["roles: first page", "/roles"],
  ];
  const servers: Server[] = [];
  try {
    servers.push(await startConsole(target, o.port, o.workers));
    servers.push(await startBare(target, o.port + 1, o.workers));
    const [gatehouse, bare] = servers as [Server, Server];
    const rows: string[] = [];
    for (const [name, path] of cases) {
      const real = await timeGets(`${gatehouse.url}${path}`, headers, o.repeat);
      const base = await timeGets(`${bare.url}${path}`, { ...headers, "x-bare-bytes": String(real.bytes) }, o.repeat);
      rows.push(
        `  ${name.padEnd(34)} ${String(real.bytes).padStart(7)}  ${real.p50.toFixed(1).padStart(7)} ${real.p95.toFixed(1).padStart(7)}` +
          `  ${base.p50.toFixed(1).padStart(7)} ${base.p95.toFixed(1).padStart(7)}  ${(real.p95 / base.p95).toFixed(1).padStart(5)}×`,
      );
    }
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
    console.log(
      `\n  ${kind} over HTTP: ${o.workers} workers each, ${o.repeat} sequential GETs after 3 warm-ups (ms, to the last byte); load ${load}`,
    );
    console.log(
      `  ${"case".padEnd(34)} ${"bytes".padStart(7)}  ${"p50".padStart(7)} ${"p95".padStart(7)}  ${"bare p50".padStart(7)} ` +
        `${"p95".padStart(7)}  p95/bare`,
    );
    for (const row of rows) console.log(row);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
