// The bare baseline for the page benchmarks (issue #12): plain node:http on the same number
// of node:cluster workers as the console, reading the same next-auth cookie and running the
// same SQL as a signed-in /users, /roles or /tenants request (scripts/bench/bare-queries.ts), then
// answering an HTML page as large as the console's.
//
//   DATABASE_URL=… NEXTAUTH_SECRET=… node --import tsx scripts/bench/bare-server.ts --port 3710 [--workers 2]
//
// A request may carry x-bare-bytes: the benchmark sends the size of the console's answer to
// the same URL, and the bare page is padded to it, so both send as many bytes.
import cluster from "node:cluster";
import http from "node:http";
import { parseArgs } from "node:util";
import { decode } from "next-auth/jwt";
import { sessionIdFor } from "../../lib/sessions/secret.ts";
import { ZUserListParams } from "../../lib/users/list-params.ts";
import { connect, rolesPage, sessionPrincipal, usersPage } from "./bare-queries.ts";
import { tenantsPage } from "./bare-tenants.ts";

const COOKIE = "next-auth.session-token";
const { values } = parseArgs({ options: { port: { type: "string" }, workers: { type: "string", default: "1" } } });
const port = Number(values.port);
const workers = Number(values.workers);
const secret = process.env.NEXTAUTH_SECRET;
if (!Number.isInteger(port) || !Number.isInteger(workers) || workers < 1 || !secret) {
  console.error("usage: DATABASE_URL=… NEXTAUTH_SECRET=… bare-server.ts --port P [--workers N]");
  process.exit(2);
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, rows: string[][], bytes: number) => {
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${escape(c)}</td>`).join("")}</tr>`).join("\n");
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><table>${body}</table></body></html>`;
  // Padding in a comment: as many bytes as the console sends for this URL.
  const missing = bytes - Buffer.byteLength(html) - 7;
  return missing > 0 ? `${html}<!--${"x".repeat(missing)}-->` : html;
};

function sessionSecretCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === COOKIE) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

async function main(): Promise<void> {
  if (cluster.isPrimary && workers > 1) {
    for (let i = 0; i < workers; i++) cluster.fork();
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      });
    }
    let listening = 0;
    cluster.on("listening", () => ++listening === workers && console.log(`[bare] serving on ${port} with ${workers} workers`));
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
    return;
  }
  const { run, close } = connect();
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://bare");
      const token = await decode({ token: sessionSecretCookie(req.headers.cookie), secret: secret! }).catch(() => null);
      const principal = typeof token?.sid === "string" ? await sessionPrincipal(run, sessionIdFor(token.sid)) : null;
      if (!principal) {
        res.writeHead(307, { location: "/login" }).end();
        return;
      }
      const bytes = Number(req.headers["x-bare-bytes"] ?? 0);
      let html: string;
      if (url.pathname === "/users" && principal.grants.length > 0) {
        const params = ZUserListParams.parse(Object.fromEntries(url.searchParams));
        const users = await usersPage(run, principal.tenantId, params);
        html = page(
          "Users",
          users.rows.map((u) => [String(u.id), `${u.domain}/${u.username}`, u.roles.join(", ")]),
          bytes,
        );
      } else if (url.pathname === "/tenants" && principal.grants.length > 0) {
        // The console's Tenants page: 25 a page, a numbered page, a contains-search, a sorted column.
        const q = url.searchParams.get("q") ?? undefined;
        const offset = (Math.max(1, Number(url.searchParams.get("page") ?? 1)) - 1) * 25;
        const sort = url.searchParams.get("sort") === "created" ? "created" : "domain";
        const dir = url.searchParams.get("dir") === "desc" ? "desc" : "asc";
        const tenants = await tenantsPage(run, { q, limit: 25, offset, sort, dir });
        html = page(
          `Tenants (${tenants.total})`,
          tenants.rows.map((t) => [t.domain, t.active ? "Active" : "Inactive", t.email, t.owners.join(", ")]),
          bytes,
        );
      } else if (url.pathname === "/roles") {
        const roles = await rolesPage(run, principal.tenantId, 25);
        html = page(
          "Roles",
          roles.map((r) => [`${r.domain}/${r.name}`, String(r.members), String(r.grants)]),
          bytes,
        );
      } else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    })().catch((error: unknown) => {
      console.error("[bare]", error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.listen(port, "127.0.0.1", () => workers === 1 && console.log(`[bare] serving on ${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.close(() => void close().finally(() => process.exit(0))));
  }
}

await main();
