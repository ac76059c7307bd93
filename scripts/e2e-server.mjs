// Starts the production build on a fresh SQLite database for the Playwright run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const E2E_DB_DIR = path.resolve("data/e2e");
fs.rmSync(E2E_DB_DIR, { recursive: true, force: true });
fs.mkdirSync(E2E_DB_DIR, { recursive: true });

const port = process.env.PORT ?? "3100";
const child = spawn(process.execPath, ["scripts/serve.mjs", "--port", port, "--hostname", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${path.join(E2E_DB_DIR, "gatehouse.db")}`,
    GATEHOUSE_CONFIG: "e2e/gatehouse.e2e.toml",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
