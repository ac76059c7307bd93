import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Outside React Server Components the marker package throws; tests run server code directly.
      "server-only": fileURLToPath(new URL("./testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "testing/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest 4 runs cpus − 1 forks, one on a two-core CI machine; most suites wait on SQLite,
    // PostgreSQL or slapd rather than the CPU, so two forks overlap those waits (904 s to 671 s here).
    maxWorkers: 2,
  },
});
