import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import pkg from "../../package.json" with { type: "json" };

// The CLI specs test what users run: the bundle `npm ci` builds. Rebuilt here so an edit since
// the last build is in it, then checked to be what the bin picks (the tsx fallback would say so on stderr).
setup("build the CLI bundle", () => {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
  const version = spawnSync(process.execPath, [path.resolve(pkg.bin.gatehouse), "--version"], { encoding: "utf8" });
  expect(version).toMatchObject({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
});
