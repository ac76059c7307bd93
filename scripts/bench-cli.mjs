// `npm run bench:cli`: wall time of starting the `gatehouse` CLI, beside `node -e 0` measured in
// the same run. Rebuilds the bundle first, then runs every case once per round, round after
// round, so a change in the machine's load falls on all cases alike. Usage:
//   node scripts/bench-cli.mjs [--runs 20] [--npx]     (--npx adds `npx --no-install gatehouse --help`)
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" }, npx: { type: "boolean", default: false } } });
const RUNS = Number(values.runs);
const BIN = "lib/cli/gatehouse.mjs";
// What the bin did before the bundle: compile lib/cli/main.ts through tsx on every start.
const TSX = `import { register } from "tsx/esm/api"; register(); const { main } = await import("./lib/cli/main.ts"); process.exitCode = await main(process.argv);`;
// With -e, process.argv[1] is the first argument after `--`: it stands in for the script path.
const tsx = (...args) => ["--input-type=module", "-e", TSX, "--", BIN, ...args];

const config = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-bench-cli-"));
const cases = [
  { name: "`node -e 0` (baseline)", args: ["-e", "0"] },
  { name: "`gatehouse --help`, bundle", args: [BIN, "--help"] },
  { name: "`gatehouse --help`, through tsx (the fallback; before this, every run)", args: tsx("--help") },
  { name: "`gatehouse --version`, bundle", args: [BIN, "--version"] },
  { name: "`gatehouse --version`, tsx", args: tsx("--version") },
  { name: "`gatehouse get envs` (reads the config; loads zod), bundle", args: [BIN, "get", "envs"] },
  { name: "`gatehouse get envs`, tsx", args: tsx("get", "envs") },
];
if (values.npx)
  cases.push({ name: "`npx --no-install gatehouse --help`, bundle", command: "npx", args: ["--no-install", "gatehouse", "--help"] });

execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });

function run({ command = process.execPath, args }) {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { env: { ...process.env, GATEHOUSE_CONFIG_DIR: config }, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // A bin that fell back to tsx says so on stderr; that would be measuring the wrong path.
  if (child.status !== 0 || child.stderr) throw new Error(`${command} ${args.join(" ")} failed (${child.status}): ${child.stderr}`);
  return ms;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const loadBefore = load();
for (const c of cases) run(c); // warm the file cache
const times = cases.map(() => []);
for (let round = 0; round < RUNS; round++) cases.forEach((c, i) => times[i].push(run(c)));
fs.rmSync(config, { recursive: true, force: true });

const quantile = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
const baseline = quantile(
  [...times[0]].sort((a, b) => a - b),
  0.5,
);
console.log(
  `\nNode ${process.version}, ${os.cpus().length} CPUs, ${RUNS} runs per case; load average ${loadBefore} before, ${load()} after.\n`,
);
console.log("| Case | median ms | p95 ms | median − baseline ms |");
console.log("| --- | --- | --- | --- |");
cases.forEach((c, i) => {
  const sorted = [...times[i]].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  console.log(
    `| ${c.name} | ${median.toFixed(0)} | ${quantile(sorted, 0.95).toFixed(0)} | ${i === 0 ? "-" : (median - baseline).toFixed(0)} |`,
  );
});
