// Serves the production build (`next build`) like `next start`, through Next.js's documented
// custom-server API, so that the console learns which TCP peer sent each request.
//
//   node scripts/serve.mjs [--port 3000] [--hostname 127.0.0.1]
//
// Next.js fills X-Forwarded-For from the connection only when the request carries none, so a
// client talking to Gatehouse directly could choose its own address. Here every request's
// x-gatehouse-peer header is overwritten with the socket's address before Next.js sees it;
// lib/http/client-address.ts believes X-Forwarded-For only with `[server] trust_proxy_headers`.
import http from "node:http";
import { isIPv6 } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

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
    handle(req, res).catch((error) => {
      console.error(`[gatehouse] request for ${req.url} failed:`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  console.log(`[gatehouse] serving on ${process.env.__NEXT_PRIVATE_ORIGIN}${hostname ? "" : " (every address)"}`);

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[gatehouse] not a port: ${values.port ?? process.env.PORT}`);
    process.exit(1);
  }
  await serve({ port, hostname: values.hostname });
}
