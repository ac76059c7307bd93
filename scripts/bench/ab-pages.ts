// A/B of two production builds on one database kept by `bench:users -- --tenants T [--keep]`:
// the super admin's /tenants pages and a tenant admin's /users pages, both builds served side by
// side (2 workers each), each page timed on A then B then B then A, so a change in the machine's
// load falls on both sides.
//
//   tsx scripts/bench/ab-pages.ts --a DIR --b DIR [--url DATABASE_URL] [--domain tenant0031.com] [--rounds 2]
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../../lib/db/client.ts";
import { resolveDbTarget } from "../../lib/db/target.ts";
import { BENCH_PASSWORD } from "../bench-support.ts";
import { quantile } from "../bench-common.ts";
import { adminCookies, pageBytes, sampleGets, signedInCookie, startConsole } from "./http.ts";

const { values: args } = parseArgs({
  options: {
    a: { type: "string" },
    b: { type: "string" },
    url: { type: "string", default: `file:${path.resolve("data/bench/users.db")}` },
    domain: { type: "string", default: "tenant0031.com" },
    rounds: { type: "string", default: "2" },
    repeat: { type: "string", default: "30" },
    port: { type: "string", default: "3710" },
  },
});

const target = resolveDbTarget(args.url);
const client = createDb(target);
const superTenant = await client.tenant.findFirstOrThrow({ where: { domain: "carbon.super" } });
const [superAdmin] = await adminCookies(client, superTenant.id, 1);
const tenantAdmin = await signedInCookie(client, `admin@${args.domain}`, BENCH_PASSWORD);
await client.$disconnect();
const port = Number(args.port);
const servers = [await startConsole(target, port, 2, args.a!), await startConsole(target, port + 2, 2, args.b!)];
const sides = { A: `http://127.0.0.1:${port}`, B: `http://127.0.0.1:${port + 2}` };
const pages = [
  ["/tenants", superAdmin!],
  ["/tenants?page=2", superAdmin!],
  ["/tenants?q=42", superAdmin!],
  ["/tenants?sort=created", superAdmin!],
  ["/users", tenantAdmin],
  ["/users?q=ops", tenantAdmin],
] as const;
const fmt = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return `${quantile(s, 0.5).toFixed(1).padStart(6)} ${quantile(s, 0.95).toFixed(1).padStart(6)}`;
};
try {
  console.log(
    `${target.provider}; load at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(`page                    A bytes (rsc)      B bytes (rsc)     | per round A p50 p95 / B p50 p95 ...`);
  for (const [p, cookie] of pages) {
    const [a, b] = [await pageBytes(sides.A + p, { cookie }), await pageBytes(sides.B + p, { cookie })];
    const rounds: string[] = [];
    const all = { A: [] as number[], B: [] as number[] };
    for (let r = 0; r < Number(args.rounds); r++) {
      const order = r % 2 === 0 ? (["A", "B"] as const) : (["B", "A"] as const);
      const got: Record<string, number[]> = {};
      for (const side of order) got[side] = (await sampleGets(sides[side] + p, { cookie }, Number(args.repeat))).times;
      all.A.push(...got.A!);
      all.B.push(...got.B!);
      rounds.push(`${fmt(got.A!)} /${fmt(got.B!)}`);
    }
    const bytes = `${String(a.bytes).padStart(7)} (${a.rsc})  ${String(b.bytes).padStart(7)} (${b.rsc})`;
    console.log(`${p.padEnd(22)} ${bytes} | ${rounds.join(" | ")} | all A ${fmt(all.A)} B ${fmt(all.B)}`);
  }
  console.log(
    `load at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  for (const server of servers) await server.stop();
}
