// The floor Next.js sets under the console's /users: one worker each, the same closed load, one
// after the other, on the bench database: the console's /users, the bare server's (same SQL, same
// bytes), and the bench:pages baseline app (same Next.js and React) serving two dynamic pages with
// no database, no session and no proxy: the /users table's markup (25 rows, a client checkbox per
// row, one client host around the table) and an empty page.
//
//   npm run bench:floor -- [--users N] [--duration S] [--connections C] [--port P]
//
// Needs `next build` first; uses ports P..P+2; data/bench/floor.db is recreated.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createDb } from "../lib/db/client.ts";
import { freshSqliteTarget } from "./bench-common.ts";
import { buildEmptyApp } from "./bench-pages-baseline.ts";
import { adminCookies, get, startBare, startConsole } from "./bench/http.ts";
import { seedBenchDatabase } from "./bench/seed.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "20000" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3740" },
  },
});
const [USERS, DURATION, CONNECTIONS, PORT] = [args.users, args.duration, args.connections, args.port].map(Number) as [
  number,
  number,
  number,
  number,
];

// The after-render-cuts row of components/users/users-columns.tsx, as plain JSX.
const TABLE_PAGES: Record<string, string> = {
  "app/floor/islands.jsx": `"use client";
import { useState } from "react";
export function Box({ label }) {
  const [on, set] = useState(false);
  return <input type="checkbox" aria-label={"Select " + label} checked={on} onChange={(e) => set(e.target.checked)} />;
}
export function Host({ children }) {
  return <div onClick={() => undefined}>{children}</div>;
}`,
  "app/floor/users/page.jsx": `import { Box, Host } from "../islands";
export const dynamic = "force-dynamic";
const rows = Array.from({ length: 25 }, (_, i) => ({ id: 10029 + i * 5, name: "admin" + (10028 + i * 5), roles: i % 3 ? ["team_26"] : [] }));
export default async function Page() {
  return (<main><h1>Users</h1><Host><table className="data-table min-w-full divide-y divide-slate-200 text-sm">
    <caption className="sr-only">Users</caption>
    <thead><tr><th>Select</th><th>Username</th><th>Domain</th><th>Roles</th><th>Actions</th></tr></thead>
    <tbody>{rows.map((u) => (<tr key={u.id}>
      <td><Box label={u.name} /></td>
      <td><a href={"/users/" + u.id} className="font-medium break-all hover:underline">{u.name}</a></td>
      <td>PRIMARY</td>
      <td><ul className="chips">{u.roles.map((r) => <li key={r}>{r}</li>)}<li className="muted">Internal/everyone</li></ul></td>
      <td><div className="row-actions">
        <a href={"/users/" + u.id + "/password"} aria-label={"Change Password of " + u.name}>Change Password</a>
        <a href={"/users/" + u.id + "/roles"} aria-label={"Assign Roles to " + u.name}>Assign Roles</a>
        <a href={"/users/" + u.id} aria-label={"View Roles of " + u.name}>View Roles</a>
        <a href={"/users/" + u.id + "/profile"} aria-label={"User Profile of " + u.name}>User Profile</a>
        <button type="button" aria-haspopup="dialog" aria-label={"Delete " + u.name} data-confirm="Delete" data-id={u.id} data-version={1} data-name={u.name}>Delete</button>
      </div></td>
    </tr>))}</tbody>
  </table></Host></main>);
}`,
  "app/floor/empty/page.jsx": `export const dynamic = "force-dynamic";
export default function Page() {
  return (<main><h1>Empty</h1><p>A dynamic page with nothing on it.</p></main>);
}`,
};

async function measure(label: string, url: string, headers: Record<string, string>): Promise<void> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(
    `${label.padEnd(36)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ` +
      `ms  non-2xx ${r.non2xx}  timeouts ${r.timeouts}  load ${load}`,
  );
}

const ROOT = path.resolve(".");
const target = freshSqliteTarget(path.resolve("data/bench/floor.db"));
const plan = await seedBenchDatabase(target, USERS);
const client = createDb(target);
const [cookie] = await adminCookies(client, plan.tenantId, 1);
await client.$disconnect();
const headers = { cookie: cookie! };

const gatehouse = await startConsole(target, PORT, 1);
const bytes = (await get(`${gatehouse.url}/users`, headers)).bytes;
try {
  await measure("gatehouse /users", `${gatehouse.url}/users`, headers);
} finally {
  await gatehouse.stop();
}
const bare = await startBare(target, PORT + 1, 1);
try {
  await measure("bare /users (same SQL, same bytes)", `${bare.url}/users`, { ...headers, "x-bare-bytes": String(bytes) });
} finally {
  await bare.stop();
}

const dir = buildEmptyApp(ROOT, TABLE_PAGES);
const floorUrl = `http://127.0.0.1:${PORT + 2}`;
const next = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT + 2), "-H", "127.0.0.1"], {
  cwd: dir,
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  stdio: "ignore",
});
try {
  while (
    !(await get(`${floorUrl}/floor/empty`).then(
      (a) => a.status === 200,
      () => false,
    ))
  )
    await new Promise((r) => setTimeout(r, 300));
  console.log(`the floor's table page: ${(await get(`${floorUrl}/floor/users`)).bytes} bytes; gatehouse's /users: ${bytes}`);
  await measure("Next.js, the same table, no database", `${floorUrl}/floor/users`, {});
  await measure("Next.js, an empty dynamic page", `${floorUrl}/floor/empty`, {});
} finally {
  next.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
}
