// The baseline of bench:pages: an empty Next 16 app, root layout and one page, built with this
// project's node_modules (a symlink), so its Next.js and React are exactly the console's.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "empty-next-app", private: true, type: "module" }),
  // Turbopack refuses files outside its root; the symlinked node_modules live under `root`.
  "next.config.mjs": `export default { turbopack: { root: ${JSON.stringify("/")} } };`,
  "app/layout.jsx": `export const metadata = { title: "Empty" };
export default function RootLayout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}`,
  "app/page.jsx": `export default function Page() {
  return (<main><h1>Empty</h1><p>An empty Next.js app: one root layout and one page.</p></main>);
}`,
};

/** Builds the app in a new temp dir and returns the dir (the caller removes it); `extra` adds pages. */
export function buildEmptyApp(projectRoot: string, extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-empty-next-"));
  for (const [file, text] of Object.entries({ ...FILES, ...extra })) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  const build = spawnSync(path.join(projectRoot, "node_modules/.bin/next"), ["build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("building the empty Next app failed");
  return dir;
}
