// Serves the production build (`next build`) like `next start`, through Next.js's documented
// custom-server API, so that the console learns which TCP peer sent each request.
//
//   node scripts/serve.mjs [--port 3000] [--hostname 127.0.0.1] [--workers N]
//
// Next.js fills X-Forwarded-For from the connection only when the request carries none, so a
// client talking to Gatehouse directly could choose its own address. Here every request's
// x-gatehouse-peer header is overwritten with the socket's address before Next.js sees it;
// lib/http/client-address.ts believes X-Forwarded-For only with `[server] trust_proxy_headers`.
import cluster from "node:cluster";
import http from "node:http";
import { isIPv6 } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { scavengeWhenIdle } from "./idle-scavenge.mjs";
import { isPlainGet, PLAIN_GET_HEADER } from "./plain-get.mjs";

// Test and benchmark runs set GATEHOUSE_WORKER_HEADER=1 to see which worker answered.
const WORKER_HEADER = "x-gatehouse-worker";
// Keep in step with PEER_HEADER in lib/http/client-address.ts (this file is not compiled).
const PEER_HEADER = "x-gatehouse-peer";

/** Listens on `hostname` (every address when unset, as `next start` does) and resolves once serving. */
export async function serve({ port, hostname, dir = process.cwd() }) {
  // As `next start` does; set before Next.js loads, since it reads them as it starts.
  process.env.NODE_ENV ??= "production";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.env.PORT = String(port);
  // Tells lib/boot.ts that every request carries the peer header.
  process.env.GATEHOUSE_PEER_HEADER = PEER_HEADER;
  // Next.js's own fetches back to this server (a server action's redirect) use this origin;
  // `next start` sets it to the same value.
  const host = hostname ?? "localhost";
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${isIPv6(host) ? `[${host}]` : host}:${port}`;

  const { default: next } = await import("next");
  const app = next({ dev: false, dir: path.resolve(dir), hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    // Set or removed on every request, so a client cannot skip the proxy by sending it.
    if (isPlainGet(req.method, req.url)) req.headers[PLAIN_GET_HEADER] = "1";
    else delete req.headers[PLAIN_GET_HEADER];
    if (process.env.GATEHOUSE_WORKER_HEADER === "1") res.setHeader(WORKER_HEADER, String(process.pid));
    handle(req, res).catch((error) => {
      console.error(`[gatehouse] request for ${req.url} failed:`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // GATEHOUSE_IDLE_SCAVENGE=0 leaves the garbage collector's timing to V8 (for A/B measurements).
  if (process.env.GATEHOUSE_IDLE_SCAVENGE !== "0") scavengeWhenIdle(server);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  if (cluster.isPrimary) console.log(`[gatehouse] serving on ${process.env.__NEXT_PRIVATE_ORIGIN}${hostname ? "" : " (every address)"}`);

  // Stop taking connections, let the requests in flight finish, then exit as `next start` does.
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
    server.closeIdleConnections();
    // A keep-alive client that never lets go must not hold the exit up for ever.
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
  return server;
}

/**
 * Serves on `workers` processes behind one port (node:cluster; the primary hands each new
 * connection to the next worker in turn). The first worker starts alone: it migrates and
 * provisions the database (lib/boot.ts, which reports back through instrumentation.ts) before
 * the others boot and find nothing left to do, so start-up never races itself on SQLite.
 * SIGTERM/SIGINT reach every worker, which finish their requests in flight; the primary exits
 * when the last one has.
 */
export async function serveOnWorkers({ port, hostname, workers, dir }) {
  if (workers <= 1) return serve({ port, hostname, dir });
  if (cluster.isWorker) return serve({ port, hostname, dir });
  let stopping = false;
  let started = false;
  const forkOne = () =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ GATEHOUSE_REPORT_BOOT: "1" });
      // Ready when listening and booted (instrumentation.ts reports the end of lib/boot.ts).
      let waiting = 2;
      const ready = () => --waiting === 0 && resolve(worker);
      worker.once("listening", ready);
      worker.on("message", (message) => message?.gatehouse === "booted" && ready());
      worker.once("exit", (code) => {
        if (!stopping) reject(new Error(`worker ${worker.process.pid} exited with ${code} while starting`));
      });
    });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
  let exitCode = 0;
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping && started) {
      // One crashed worker must not take the others down; the operator sees it and a new one starts.
      console.error(`[gatehouse] worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
      cluster.fork();
      return;
    }
    if (!stopping) return; // failed while starting: reported below
    exitCode = Math.max(exitCode, code ?? 0);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
  try {
    await forkOne();
    await Promise.all(Array.from({ length: workers - 1 }, forkOne));
    started = true;
  } catch (error) {
    console.error(`[gatehouse] cannot start: ${error.message}`);
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    process.exitCode = 1;
    return;
  }
  const host = hostname ?? "localhost";
  console.log(
    `[gatehouse] serving on http://${isIPv6(host) ? `[${host}]` : host}:${port} with ${workers} workers${hostname ? "" : " (every address)"}`,
  );
}

/** GATEHOUSE_WORKERS, else `fallback`; refuses anything but a positive integer. */
export function workerCount(value, fallback) {
  const raw = value ?? process.env.GATEHOUSE_WORKERS;
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    console.error(`[gatehouse] not a worker count: ${raw}`);
    process.exit(1);
  }
  return n;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      hostname: { type: "string", short: "H" },
      workers: { type: "string", short: "w" },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[gatehouse] not a port: ${values.port ?? process.env.PORT}`);
    process.exit(1);
  }
  await serveOnWorkers({ port, hostname: values.hostname, workers: workerCount(values.workers, 1) });
}
