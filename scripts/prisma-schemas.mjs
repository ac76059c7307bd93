// Derives the PostgreSQL schema from prisma/schema.prisma: same models, other provider.
import fs from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres.prisma";

export function writePostgresSchema() {
  const source = fs.readFileSync(SQLITE_SCHEMA, "utf8");
  const derived = source
    .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../lib/db/generated/postgres"')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:../data/prisma-cli.db"', 'url      = "postgresql://localhost/gatehouse"');
  if (!derived.includes("generated/postgres") || !derived.includes('"postgresql"')) {
    throw new Error("prisma/schema.prisma no longer has the generator/datasource lines this script rewrites");
  }
  fs.writeFileSync(POSTGRES_SCHEMA, `// GENERATED from schema.prisma by scripts/prisma-schemas.mjs. Do not edit.\n${derived}`);
}
