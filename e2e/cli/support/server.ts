import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { test as base } from "@playwright/test";
import { createDb, type Db } from "../../../lib/db/client.ts";
import type { DbTarget } from "../../../lib/db/target.ts";
import { createEmptyTarget, databaseKinds, type DbKind } from "../../../testing/databases.ts";

export type CliServer = { url: string; kind: DbKind; db: Db };

/** A port nothing listens on now, so a leftover server from another run can never answer for ours. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(`${url}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer at ${url} within 120 s:\n${log()}`);
}

export type RunningServer = { url: string; stop: () => Promise<void> };

type ServerOptions = {
  configFile?: string;
  /** Start it as `npm start` does with the defaults: every address, no NEXTAUTH_URL, so 127.0.0.1 and localhost both reach it. */
  asNpmStart?: boolean;
  /** node:cluster workers behind the port (scripts/serve.mjs --workers); each answer then names its worker. */
  workers?: number;
};

/** The production build, served as `npm start` serves it (scripts/serve.mjs), on a free port against `target`, once it answers. */
export async function startServer(target: DbTarget, options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const args = ["scripts/serve.mjs", "--port", String(port), ...(options.asNpmStart ? [] : ["--hostname", "127.0.0.1"])];
  if (options.workers) args.push("--workers", String(options.workers));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: target.url,
    GATEHOUSE_CONFIG: options.configFile ?? "e2e/gatehouse.e2e.toml",
    // PostgreSQL keeps user store secrets only with a key (lib/stores/secrets.ts).
    GATEHOUSE_STORE_KEY: process.env.GATEHOUSE_STORE_KEY ?? "e2e-user-store-key-not-for-production",
    NEXTAUTH_URL: url,
    ...(options.workers ? { GATEHOUSE_WORKER_HEADER: "1" } : {}),
  };
  if (options.asNpmStart) delete env.NEXTAUTH_URL;
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

export type StartedServer = CliServer & { stop: () => Promise<void> };

/** A production server on a fresh SQLite file or a uniquely named PostgreSQL database that `stop` drops. */
export async function startServerOn(dbKind: DbKind, options: ServerOptions = {}): Promise<StartedServer> {
  const { target, cleanup } = await createEmptyTarget(dbKind);
  const db = createDb(target);
  const release = async () => {
    await db.$disconnect();
    await cleanup();
  };
  const server = await startServer(target, options).catch(async (error: unknown) => {
    await release();
    throw error;
  });
  const stop = async () => {
    await server.stop();
    await release();
  };
  return { url: server.url, kind: dbKind, db, stop };
}

/**
 * A production server of its own per worker, on a fresh SQLite file or a uniquely named
 * PostgreSQL database that is dropped afterwards: the CLI is tested against both.
 */
export const test = base.extend<object, { dbKind: DbKind; server: CliServer }>({
  dbKind: ["sqlite", { option: true, scope: "worker" }],
  server: [
    async ({ dbKind }, use) => {
      if (!(await databaseKinds()).includes(dbKind)) {
        base.skip(true, "PostgreSQL is unreachable");
        return;
      }
      const server = await startServerOn(dbKind);
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
});

export { expect } from "@playwright/test";
