// The framework's floor beside the HTTP benchmarks' pages (comparePages in scripts/bench/http.ts):
// the bench:pages baseline app (the same Next.js and React, no database, no session, no proxy)
// with one empty dynamic page, served by scripts/serve.mjs on as many workers as the console and
// timed the same way in the same run, so a page's figures can be read against what Next.js alone
// costs on this machine at that moment.
import fs from "node:fs";
import path from "node:path";
import { buildEmptyApp } from "../bench-pages-baseline.ts";

export const FLOOR_PAGE = "/floor";

const FILES: Record<string, string> = {
  "app/floor/page.jsx": `import { connection } from "next/server";
export default async function Page() {
  await connection();
  return (<main><h1>Empty</h1><p>A dynamic page with nothing on it.</p></main>);
}`,
  // scripts/serve.mjs forks its other workers once the first reports that it has booted, as
  // lib/boot.ts's reportBooted does (imported: Turbopack also compiles this for the Edge runtime).
  "instrumentation.js": `export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./report-boot.js")).reportBooted();
}`,
  "report-boot.js": `export function reportBooted() {
  if (process.env.GATEHOUSE_REPORT_BOOT === "1") process.send?.({ gatehouse: "booted" });
}`,
};

let built: string | undefined;

/** The app's directory, built once per run and removed as the process exits. */
export function floorAppDir(): string {
  if (!built) {
    const dir = buildEmptyApp(path.resolve("."), FILES);
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    built = dir;
  }
  return built;
}
