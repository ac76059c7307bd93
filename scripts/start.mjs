// `npm start`: builds the console when the build is missing or older than the sources,
// then serves it (scripts/serve.mjs). The server migrates and provisions the database itself
// as it starts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import cluster from "node:cluster";
import { serveOnWorkers, workerCount } from "./serve.mjs";

const SOURCES = ["app", "components", "lib", "public", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package-lock.json"];
const BUILD_ID = ".next/BUILD_ID";

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => (name === "generated" ? 0 : newestMtime(path.join(entry, name)))));
}

// Workers re-run this file (node:cluster); only the primary checks the build.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const built = fs.existsSync(BUILD_ID) ? fs.statSync(BUILD_ID).mtimeMs : 0;
if (cluster.isPrimary && built < Math.max(...SOURCES.map(newestMtime))) {
  console.log("[gatehouse] building the console (first start or changed sources)…");
  execFileSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env });
}

// Every address, as `next start` listens by default; one worker per core unless GATEHOUSE_WORKERS says otherwise.
await serveOnWorkers({ port: Number(process.env.PORT ?? 3000), workers: workerCount(undefined, os.availableParallelism()) });
