// Runs on `npm ci`: generates one Prisma client per supported database.
import { execFileSync } from "node:child_process";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from "./prisma-schemas.mjs";

writePostgresSchema();
for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
  execFileSync("node_modules/.bin/prisma", ["generate", "--schema", schema], { stdio: "inherit" });
}
