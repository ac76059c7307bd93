// Page weight and Lighthouse for the console's main routes (issue #12: first-load JS within
// 10 kB of an empty Next 16 app, Lighthouse mobile >= 95, LCP <= 1 s), beside the same figures
// for an empty Next 16 app (root layout + one page) built and served in the same run.
//
//   npm run bench:pages -- [--build] [--no-lighthouse] [--routes /users,/roles] [--users N] [--runs N]
//
// Uses the production build in .next (makes one when there is none, or with --build), serves it
// with scripts/serve.mjs on a free port and a fresh seeded SQLite database in a temp dir, signs
// an admin in over HTTP (next-auth's credentials flow, as e2e/support/auth.ts does) and measures
// each route with the admin's session cookie (/login without it). Temp dirs and servers are
// removed at the end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../lib/db/client.ts";
import { seedUser } from "../testing/seed.ts";
import { gzipKb, lighthouseRun, launchChromium, medianRun, type LighthouseFigures } from "./bench-pages-measure.ts";
import { buildEmptyApp } from "./bench-pages-baseline.ts";

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    "no-lighthouse": { type: "boolean", default: false },
    routes: { type: "string", default: "/login,/,/users,/roles,/roles/new,/settings/role-permissions,/sessions,/audit" },
    users: { type: "string", default: "60" },
    // Lighthouse's own advice: the median of several runs, since one run varies with the machine.
    runs: { type: "string", default: "3" },
  },
});
const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules/.bin/next");
const temps: string[] = [];
const servers: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a production server and resolves once `probe` answers. */
async function startServer(command: string[], env: Record<string, string>, cwd: string, base: string, probe: string): Promise<void> {
  const child = spawn(process.execPath, command, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  servers.push(child);
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server ${command.join(" ")} exited with ${child.exitCode}`);
    const ok = await fetch(base + probe, { redirect: "manual" }).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server ${command.join(" ")} did not answer`);
}

/** next-auth's credentials flow over HTTP; returns the Cookie header of the signed-in session. */
async function signIn(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = answer.headers.getSetCookie().find((c) => c.includes("next-auth.session-token="));
  if (!session) throw new Error(`sign-in of ${username} failed (${answer.status})`);
  return session.split(";")[0]!;
}

/** The gzip size of every script the route's HTML loads, in kB, and the HTML's own size. */
async function firstLoadJs(base: string, route: string, cookie?: string): Promise<{ js: number; html: number; scripts: number }> {
  const response = await fetch(base + route, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${route} answered ${response.status}`);
  const html = await response.text();
  // Scripts marked noModule (the legacy polyfills) are skipped by every browser Lighthouse emulates.
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1]! + m[3]!));
  const sources = [...new Set(tags.map((m) => m[2]!.replace(/&amp;/g, "&")))];
  let js = 0;
  for (const src of sources) {
    const kb = gzipKb(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()));
    // BENCH_PAGES_LIST=1 names each script, to find which chunk grew.
    if (process.env.BENCH_PAGES_LIST) console.log(`  ${route} ${src} ${kb.toFixed(1)}`);
    js += kb;
  }
  return { js, html: Buffer.byteLength(html) / 1024, scripts: sources.length };
}

type Row = { route: string; js: number; html: number; scripts: number; lh: LighthouseFigures | null };

async function main() {
  const load = os.loadavg();
  console.log(`bench:pages on ${os.cpus().length} CPUs, load ${load.map((l) => l.toFixed(2)).join(" ")}`);
  if (args.build || !fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.log("building the console (next build)…");
    if (spawnSync(NEXT_BIN, ["build"], { cwd: ROOT, stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  }

  // The console on a fresh database, migrated and provisioned by its own start-up.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-bench-pages-"));
  temps.push(dataDir);
  const file = path.join(dataDir, "gatehouse.db");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: `file:${file}`,
    GATEHOUSE_CONFIG: "e2e/gatehouse.e2e.toml",
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await startServer(["scripts/serve.mjs", "--port", String(port), "--hostname", "127.0.0.1"], env, ROOT, base, "/login");
  const db = createDb({ provider: "sqlite", file, url: `file:${file}` });
  const admin = await seedUser(db, { admin: true });
  // A full first page of users (25 by default), so /users renders what an admin sees.
  for (let i = 0; i < Number(args.users); i++) await seedUser(db, { grants: ["/permission/admin/login"] });
  await db.$disconnect();
  // Seeding under load can outlast the server's 5 s keep-alive, and undici may then reuse the
  // socket the server just closed ("other side closed"): one retry on a fresh connection.
  const cookie = await signIn(base, admin.username, admin.password).catch(() => signIn(base, admin.username, admin.password));

  // The empty Next 16 app, built with this project's node_modules and served by `next start`.
  console.log("building the empty Next 16 app…");
  const emptyDir = buildEmptyApp(ROOT);
  temps.push(emptyDir);
  const emptyPort = await freePort();
  const emptyBase = `http://127.0.0.1:${emptyPort}`;
  await startServer(
    [NEXT_BIN, "start", "-p", String(emptyPort), "-H", "127.0.0.1"],
    { NEXT_TELEMETRY_DISABLED: "1" },
    emptyDir,
    emptyBase,
    "/",
  );

  const chrome = args["no-lighthouse"] ? null : await launchChromium();
  try {
    const lighthouse = async (url: string, withCookie: boolean) => {
      if (!chrome) return null;
      const runs: LighthouseFigures[] = [];
      for (let i = 0; i < Number(args.runs); i++) runs.push(await lighthouseRun(chrome.port, url, withCookie ? cookie : undefined));
      return medianRun(runs);
    };
    const baseline: Row = { route: "(empty app) /", ...(await firstLoadJs(emptyBase, "/")), lh: await lighthouse(`${emptyBase}/`, false) };
    const rows: Row[] = [];
    for (const route of args.routes.split(",")) {
      const withCookie = route !== "/login";
      const weight = await firstLoadJs(base, route, withCookie ? cookie : undefined);
      rows.push({ route, ...weight, lh: await lighthouse(base + route, withCookie) });
      console.log(`measured ${route}`);
    }
    printTable(baseline, rows);
  } finally {
    await chrome?.kill();
  }
  console.log(
    `load at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

function printTable(baseline: Row, rows: Row[]) {
  const f = (n: number | undefined, digits = 1) => (n === undefined ? "–" : n.toFixed(digits));
  console.log(
    "\n| Route | JS kB (gzip) | Baseline kB | Over baseline | Scripts | HTML kB | Lighthouse | LCP s | " +
      "TBT ms | TTFB ms | Baseline score / LCP s |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const b = `${f(baseline.lh?.score, 0)} / ${f(baseline.lh ? baseline.lh.lcpMs / 1000 : undefined, 2)}`;
  for (const r of rows) {
    const over = r.js - baseline.js;
    console.log(
      `| ${r.route} | ${f(r.js)} | ${f(baseline.js)} | ${over > 10 ? "**" : ""}+${f(over)}${over > 10 ? "**" : ""} | ${r.scripts} | ${f(r.html)} | ${f(r.lh?.score, 0)} | ${f(r.lh ? r.lh.lcpMs / 1000 : undefined, 2)} | ${f(r.lh?.tbtMs, 0)} | ${f(r.lh?.ttfbMs, 0)} | ${b} |`,
    );
  }
}

function cleanUp() {
  for (const child of servers) if (child.exitCode === null) child.kill("SIGTERM");
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
}

try {
  await main();
} finally {
  cleanUp();
}
