#!/usr/bin/env node
// The `gatehouse` bin. It runs dist/cli/, the bundle scripts/build-cli.mjs writes at `npm ci`,
// when no source it was built from has changed since; otherwise the TypeScript sources through
// tsx (a second or so slower per start), saying so on stderr, so an edit is never run stale.
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Why the bundle cannot be used, or undefined when it can. */
function staleReason() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(`${root}dist/cli/manifest.json`, "utf8"));
  } catch {
    return "dist/cli is missing";
  }
  for (const input of manifest.inputs) {
    const stat = fs.statSync(`${root}${input}`, { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > manifest.builtAt) return `${input} changed after dist/cli was built`;
  }
  return undefined;
}

// `gatehouse get users | head` closes the pipe early: that is the reader's choice, not a crash.
// The command still finishes, so its exit code (say, check's "denied") is not lost.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}

const reason = staleReason();
let main;
if (reason === undefined) {
  ({ main } = await import(new URL("../../dist/cli/gatehouse.mjs", import.meta.url).href));
} else {
  process.stderr.write(`gatehouse: ${reason}; running the TypeScript sources through tsx (slower). Rebuild: npm run build:cli\n`);
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("./main.ts"));
}
process.exitCode = await main(process.argv);
