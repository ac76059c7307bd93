import fs from "node:fs";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI is used only for `generate` and `migrate diff`; the app applies migrations itself
// (lib/db/migrate.ts). The js engine keeps the CLI offline: Prisma 6.19 ships it as WebAssembly.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    fs.mkdirSync("data", { recursive: true });
    return new PrismaBetterSQLite3({ url: "file:./data/prisma-cli.db" });
  },
});
