import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };

// The bin decides between dist/cli and the TypeScript sources from the files beside it, so each
// case runs a copy of the real bin in a project of its own: a main.ts and a bundle that only
// say which one ran.
const REAL_BIN = fileURLToPath(new URL("./gatehouse.mjs", import.meta.url));
const PROJECT = fileURLToPath(new URL("../../", import.meta.url));
const HINT = /^gatehouse: .*; running the TypeScript sources through tsx \(slower\)\. Rebuild: npm run build:cli\n$/;
const roots: string[] = [];

function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-bin-"));
  roots.push(root);
  fs.mkdirSync(path.join(root, "lib/cli"), { recursive: true });
  fs.writeFileSync(path.join(root, "package.json"), '{ "type": "module" }\n');
  fs.copyFileSync(REAL_BIN, path.join(root, "lib/cli/gatehouse.mjs"));
  // The fallback needs tsx; the sources' type annotation needs it to be compiled.
  fs.symlinkSync(path.join(PROJECT, "node_modules"), path.join(root, "node_modules"));
  fs.writeFileSync(
    path.join(root, "lib/cli/main.ts"),
    'export async function main(argv: string[]): Promise<number> { process.stdout.write(`sources ${argv.slice(2).join(" ")}`); return 3; }\n',
  );
  return root;
}

/** A bundle built at `builtAt` from lib/cli/main.ts and whatever else `inputs` lists. */
function bundle(root: string, builtAt: number, inputs = ["lib/cli/main.ts"]): void {
  fs.mkdirSync(path.join(root, "dist/cli"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "dist/cli/gatehouse.mjs"),
    'export async function main(argv) { process.stdout.write(`bundle ${argv.slice(2).join(" ")}`); return 3; }\n',
  );
  fs.writeFileSync(path.join(root, "dist/cli/manifest.json"), JSON.stringify({ builtAt, inputs }));
}

/** Sets a project file's modification time to `at` (ms since the epoch). */
function touch(root: string, file: string, at: number): void {
  fs.utimesSync(path.join(root, file), at / 1000, at / 1000);
}

const run = (root: string) => spawnSync(process.execPath, [path.join(root, "lib/cli/gatehouse.mjs"), "get", "users"], { encoding: "utf8" });

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe("the gatehouse bin", () => {
  it("runs the bundle, silently, when no source changed after it was built", () => {
    const root = project();
    const builtAt = Date.now();
    touch(root, "lib/cli/main.ts", builtAt - 60_000);
    bundle(root, builtAt);
    expect(run(root)).toMatchObject({ status: 3, stdout: "bundle get users", stderr: "" });
  });

  it("falls back to the sources, saying why, when a source changed after the build", () => {
    const root = project();
    const builtAt = Date.now() - 60_000;
    bundle(root, builtAt);
    touch(root, "lib/cli/main.ts", builtAt + 1_000);
    const result = run(root);
    expect(result).toMatchObject({ status: 3, stdout: "sources get users" });
    expect(result.stderr).toMatch(HINT);
    expect(result.stderr).toContain("lib/cli/main.ts changed after dist/cli was built");
  });

  it("falls back when a source the bundle was built from is gone", () => {
    const root = project();
    bundle(root, Date.now(), ["lib/cli/main.ts", "lib/cli/removed.ts"]);
    touch(root, "lib/cli/main.ts", Date.now() - 60_000);
    const result = run(root);
    expect(result).toMatchObject({ status: 3, stdout: "sources get users" });
    expect(result.stderr).toContain("lib/cli/removed.ts changed after dist/cli was built");
  });

  it("falls back when there is no bundle", () => {
    const result = run(project());
    expect(result).toMatchObject({ status: 3, stdout: "sources get users" });
    expect(result.stderr).toMatch(HINT);
    expect(result.stderr).toContain("dist/cli is missing");
  });

  it("runs the real bundle right after `npm run build:cli`", () => {
    execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: PROJECT });
    const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT, "dist/cli/manifest.json"), "utf8")) as { inputs: string[] };
    expect(manifest.inputs).toEqual(expect.arrayContaining(["lib/cli/main.ts", "lib/contracts/management.ts", "package.json"]));
    const result = spawnSync(process.execPath, [REAL_BIN, "--version"], { encoding: "utf8" });
    expect(result).toMatchObject({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });
});
