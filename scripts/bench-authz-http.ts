// The HTTP part of scripts/bench-authz.ts: POST /api/v1/authz/check/batch (1,000 checks a
// request) on the production server (scripts/serve.mjs, `next build` first), beside a bare
// node:http server in this process answering the same batch from the same snapshot through
// checkAccessBatch (the baseline: JSON in, the same decisions, JSON out, no framework, no
// session statement). Load from autocannon in its own process, so it never shares a thread
// with the server it measures.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { checkAccessBatch, type AccessCheck } from "../lib/authz-check/check-access.ts";
import type { Db } from "../lib/db/client.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { seedUser } from "../testing/seed.ts";

const run = promisify(execFile);
export type HttpFigure = {
  server: string;
  requestsPerSecond: number;
  checksPerSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
};

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250)); // polling a starting server, not timing a test
  }
  throw new Error(`no answer from ${url}`);
}

async function load(name: string, url: string, body: string, token: string, seconds: number): Promise<HttpFigure> {
  const file = path.resolve("data/bench/authz-batch.json");
  fs.writeFileSync(file, body);
  const args = ["-j", "-c", "8", "-d", String(seconds), "-m", "POST", "-i", file];
  args.push("-H", "content-type=application/json", "-H", `authorization=Bearer ${token}`, url);
  const { stdout } = await run("node_modules/.bin/autocannon", args, { maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  const perBatch = (JSON.parse(body) as { checks: unknown[] }).checks.length;
  return {
    server: name,
    requestsPerSecond: r.requests.average,
    checksPerSecond: r.requests.average * perBatch,
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/** Both servers, warmed with every user first, then `seconds` of load each. */
export async function httpFigures(
  db: Db,
  target: DbTarget & { provider: "sqlite" },
  tenantId: number,
  users: readonly string[],
  batch: readonly AccessCheck[],
  seconds: number,
  port: number,
): Promise<HttpFigure[]> {
  const admin = await seedUser(db, { admin: true });
  const base = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of the production server there as it stops.
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const server = spawn(process.execPath, [...profile, "scripts/serve.mjs", "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: `file:${target.file}`, GATEHOUSE_CONFIG: "e2e/gatehouse.e2e.toml", NEXTAUTH_URL: base },
  });
  const bare = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const { checks } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { checks: AccessCheck[] };
      checkAccessBatch(db, tenantId, checks).then(
        (results) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ results })),
        () => res.writeHead(500).end(),
      );
    });
  });
  try {
    await waitFor(`${base}/management/`, server);
    const login = await fetch(`${base}/management/login`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString("base64")}` },
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const { AccessToken: token } = (await login.json()) as { AccessToken: string };
    await new Promise<void>((resolve) => bare.listen(port + 1, "127.0.0.1", resolve));
    const bareUrl = `http://127.0.0.1:${port + 1}/batch`;
    const url = `${base}/api/v1/authz/check/batch`;
    for (const target of [url, bareUrl])
      for (let i = 0; i < users.length; i += 1000) {
        const checks = users.slice(i, i + 1000).map((user) => ({ user, permission: "/permission/admin/login" }));
        const res = await fetch(target, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ checks }),
        });
        if (!res.ok) throw new Error(`warm-up: ${res.status} ${await res.text()}`);
      }
    const body = JSON.stringify({ checks: batch });
    return [await load("bare node:http", bareUrl, body, token, seconds), await load("production /api/v1", url, body, token, seconds)];
  } finally {
    bare.close();
    // Waited for, so that a CPU profile is written before the caller goes on.
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
  }
}
