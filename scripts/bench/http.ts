// What the HTTP benchmarks share: the production console (scripts/serve.mjs) and the bare
// server (scripts/bench/bare-server.ts) started on one database with the same worker count,
// signed-in admin sessions as cookies, and timed sequential GETs.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import type { Db } from "../../lib/db/client.ts";
import type { DbTarget } from "../../lib/db/target.ts";
import { signInWithPassword } from "../../lib/auth/sign-in.ts";
import { createSession } from "../../lib/sessions/create-session.ts";
import { testConfig } from "../../testing/config.ts";
import { quantile } from "../bench-common.ts";
import { FLOOR_PAGE, floorAppDir } from "./floor-app.ts";

export type Server = { name: string; url: string; stop: () => Promise<void> };

/** One signing key for the console and the bare server, so both accept the same cookies. */
export const BENCH_SECRET = crypto.randomBytes(32).toString("base64url");
const COOKIE = "next-auth.session-token";

async function start(
  name: string,
  args: string[],
  target: DbTarget,
  port: number,
  ready: (status: number) => boolean,
  cwd?: string,
  readyPath = "/login",
): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: target.url,
    NEXTAUTH_SECRET: BENCH_SECRET,
    NEXTAUTH_URL: url,
    GATEHOUSE_CONFIG: "e2e/gatehouse.e2e.toml",
  };
  // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of every server process there as it stops
  // (cluster workers inherit the flags).
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log}`);
    const status = await get(`${url}${readyPath}`).then(
      (r) => r.status,
      () => 0,
    );
    if (ready(status)) return { name, url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not start within 180 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The production build through scripts/serve.mjs, on `workers` node:cluster workers; `dir` serves another checkout's build. */
export const startConsole = (target: DbTarget, port: number, workers: number, dir?: string) =>
  start(
    dir ?? "gatehouse",
    ["scripts/serve.mjs", "--port", String(port), "--hostname", "127.0.0.1", "--workers", String(workers)],
    target,
    port,
    (s) => s === 200,
    dir,
  );

/** scripts/serve.mjs serving another Next.js app's build (`dir`, which ignores `target`), on `workers` workers; ready when `readyPath` answers 200. */
export const startOtherApp = (name: string, dir: string, target: DbTarget, port: number, workers: number, readyPath: string) =>
  start(
    name,
    [path.resolve("scripts/serve.mjs"), "--port", String(port), "--hostname", "127.0.0.1", "--workers", String(workers)],
    target,
    port,
    (s) => s === 200,
    dir,
    readyPath,
  );

/** The bare baseline on as many workers. */
export const startBare = (target: DbTarget, port: number, workers: number) =>
  start(
    "bare",
    ["--import", "tsx", "scripts/bench/bare-server.ts", "--port", String(port), "--workers", String(workers)],
    target,
    port,
    (s) => s === 307,
  );

/**
 * `n` distinct admins signed in: the tenant's first `n` users join the admin role and each
 * gets a console session row, as a sign-in creates it, and the cookie next-auth would set.
 */
export async function adminCookies(client: Db, tenantId: number, n: number): Promise<string[]> {
  const admin = await client.role.findFirstOrThrow({ where: { tenantId, kind: "admin" } });
  const users = await client.user.findMany({ where: { tenantId }, orderBy: { id: "asc" }, take: n, select: { id: true } });
  const held = new Set((await client.membership.findMany({ where: { roleId: admin.id }, select: { userId: true } })).map((m) => m.userId));
  await client.membership.createMany({ data: users.filter((u) => !held.has(u.id)).map((u) => ({ userId: u.id, roleId: admin.id })) });
  await client.user.updateMany({ where: { id: { in: users.map((u) => u.id) } }, data: { mustChangePassword: false } });
  const cookies: string[] = [];
  for (const user of users) {
    const { secret } = await createSession(client, { tenantId, userId: user.id, kind: "console", lifetimeMs: 8 * 3600_000 });
    cookies.push(`${COOKIE}=${await encode({ token: { sid: secret }, secret: BENCH_SECRET })}`);
  }
  return cookies;
}

/** The cookie of a real console sign-in (lib/auth/sign-in.ts): `name@tenant` as the login form posts it. */
export async function signedInCookie(client: Db, username: string, password: string): Promise<string> {
  const result = await signInWithPassword(client, testConfig(), { username, password, kind: "console", ip: "127.0.0.1" });
  if (!result.ok) throw new Error(`${username} could not sign in`);
  return `${COOKIE}=${await encode({ token: { sid: result.sessionSecret }, secret: BENCH_SECRET })}`;
}

export type Answer = { status: number; bytes: number; ms: number; worker?: string };
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET on a kept-alive connection, timed from sending to the last byte. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { headers, agent }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started }));
    });
    request.on("error", reject);
  });
}

/** A page's bytes and, of them, the inline RSC payload (the `self.__next_f.push` scripts React hydrates from). */
export function pageBytes(url: string, headers: Record<string, string> = {}): Promise<{ bytes: number; rsc: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const scripts = body.match(/<script>self\.__next_f\.push\(.*?<\/script>/gs) ?? [];
        resolve({ bytes: Buffer.byteLength(body), rsc: scripts.reduce((n, s) => n + Buffer.byteLength(s), 0) });
      });
    });
    request.on("error", reject);
  });
}

export type Timing = { p50: number; p95: number; bytes: number };

/** `repeat` sequential GETs after `warmups`, their times as sent; every answer must be a 200 (a redirect to /login would time nothing). */
export async function sampleGets(
  url: string,
  headers: Record<string, string>,
  repeat: number,
  warmups = 3,
): Promise<{ times: number[]; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < warmups + repeat; i++) {
    const answer = await get(url, headers);
    if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}`);
    bytes = answer.bytes;
    if (i >= warmups) times.push(answer.ms);
  }
  return { times, bytes };
}

/** sampleGets' p50 and p95. */
export async function timeGets(url: string, headers: Record<string, string>, repeat: number, warmups = 3): Promise<Timing> {
  const { times, bytes } = await sampleGets(url, headers, repeat, warmups);
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), bytes };
}

/**
 * Passes over every page on every server before any is timed. A freshly started server compiles
 * each page's code paths over its first requests: with three warm-ups of the page alone the first
 * pages timed carried that JIT work in their p95, and one worker's p95 settled only after ~300
 * requests (docs/performance.md, "Warm servers" and "Plain GETs skip the proxy"). A console
 * serves from a warm process, so its pages are timed warm, and the baselines are warmed the same way.
 */
const WARM_PASSES = 100;

async function warmUp(gatehouse: Server, bare: Server, floor: Server, pairs: PagePair[]): Promise<void> {
  for (let pass = 0; pass < WARM_PASSES; pass++) {
    for (const p of pairs) {
      await get(`${gatehouse.url}${p.path}`, { cookie: p.cookie });
      await get(`${bare.url}${p.bare ?? p.path}`, { cookie: p.cookie });
    }
    await get(`${floor.url}${FLOOR_PAGE}`);
  }
}

/** A page asked of both servers: its path, its cookie, and the bare server's path for the same rows where it differs. */
export type PagePair = { name: string; path: string; cookie: string; bare?: string };

/**
 * The production console and the bare server started on one database, each pair's page timed on
 * both (the bare page padded to the console's bytes), and the table printed under `title`.
 */
export async function comparePages(
  target: DbTarget,
  o: { port: number; workers: number; repeat: number },
  title: string,
  pairs: PagePair[],
): Promise<void> {
  const servers: Server[] = [];
  try {
    servers.push(await startConsole(target, o.port, o.workers));
    servers.push(await startBare(target, o.port + 1, o.workers));
    servers.push(await startOtherApp("empty Next.js app", floorAppDir(), target, o.port + 2, o.workers, FLOOR_PAGE));
    const [gatehouse, bare, floor] = servers as [Server, Server, Server];
    await warmUp(gatehouse, bare, floor, pairs);
    const width = Math.max(34, ...pairs.map((p) => p.name.length));
    const rows: string[] = [];
    for (const p of pairs) {
      const real = await timeGets(`${gatehouse.url}${p.path}`, { cookie: p.cookie }, o.repeat, 0);
      const base = await timeGets(`${bare.url}${p.bare ?? p.path}`, { cookie: p.cookie, "x-bare-bytes": String(real.bytes) }, o.repeat, 0);
      rows.push(
        `  ${p.name.padEnd(width)} ${String(real.bytes).padStart(7)}  ${real.p50.toFixed(1).padStart(7)} ${real.p95.toFixed(1).padStart(7)}` +
          `  ${base.p50.toFixed(1).padStart(7)} ${base.p95.toFixed(1).padStart(7)}  ${(real.p95 / base.p95).toFixed(1).padStart(5)}×`,
      );
    }
    const empty = await timeGets(`${floor.url}${FLOOR_PAGE}`, {}, o.repeat, 0);
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
    console.log(
      `\n  ${title} over HTTP: ${o.workers} workers each, warmed by ${WARM_PASSES} passes over every page, then ${o.repeat} sequential GETs a page (ms, to the last byte); load ${load}`,
    );
    console.log(
      `  ${"case".padEnd(width)} ${"bytes".padStart(7)}  ${"p50".padStart(7)} ${"p95".padStart(7)}  ${"bare p50".padStart(7)} ` +
        `${"p95".padStart(7)}  p95/bare`,
    );
    for (const row of rows) console.log(row);
    console.log(
      `  the framework's floor, timed the same way: an empty dynamic page of the same Next.js and React (no database, ` +
        `no session), ${empty.bytes} bytes, p50 ${empty.p50.toFixed(1)} p95 ${empty.p95.toFixed(1)}`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
