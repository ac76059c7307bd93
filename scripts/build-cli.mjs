// Bundles the `gatehouse` CLI (lib/cli/main.ts) into dist/cli/ with esbuild, so the bin starts
// without compiling TypeScript (docs/cli.md). Runs at `npm ci` (postinstall) and on demand
// (`npm run build:cli`). Writes dist/cli/manifest.json last: the bin runs the bundle only while
// every project file listed there is no newer than `builtAt`, and falls back to tsx otherwise.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "dist/cli");
const SELF = path.relative(ROOT, fileURLToPath(import.meta.url));

// Taken before esbuild reads a source, so an edit made during the build counts as newer.
const builtAt = Date.now();
const temp = `${OUT}.${process.pid}.tmp`;
fs.rmSync(temp, { recursive: true, force: true });

const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: { gatehouse: "lib/cli/main.ts" },
  outdir: temp,
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  // Each command's action is its own chunk: --help loads commander and the definitions only.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  metafile: true,
  logLevel: "warning",
  // commander and cli-table3 are CommonJS and require() Node's built-ins, which ESM has not.
  banner: { js: 'import { createRequire as __gatehouseRequire } from "node:module"; const require = __gatehouseRequire(import.meta.url);' },
});

// The project's own sources; node_modules changes only through `npm ci`, which rebuilds.
const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("node_modules/"));
fs.writeFileSync(path.join(temp, "manifest.json"), `${JSON.stringify({ builtAt, inputs: [...inputs, SELF].sort() }, null, 2)}\n`);
// Swap in whole: a run that finds a manifest finds the bundle it describes. The old bundle is
// renamed aside, not removed in place, since another build (a test run's beside `npm ci`'s)
// may swap in at the same time: the last one wins.
const aside = [];
for (let attempt = 1; ; attempt++) {
  aside.push(`${OUT}.${process.pid}.${attempt}.old`);
  try {
    fs.renameSync(OUT, aside.at(-1));
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  try {
    fs.renameSync(temp, OUT);
    break;
  } catch (error) {
    if (attempt === 5 || !["ENOTEMPTY", "EEXIST"].includes(error.code)) throw error;
  }
}
for (const dir of aside) fs.rmSync(dir, { recursive: true, force: true });
