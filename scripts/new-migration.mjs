// Writes the SQL that takes both databases from the last migration to prisma/schema.prisma.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from "./prisma-schemas.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}
writePostgresSchema();
const SNAPSHOT = "prisma/migrations/schema.snapshot.prisma";

function diff(from, to) {
  const args = ["migrate", "diff", "--script", "--to-schema-datamodel", to];
  args.push(...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]));
  return execFileSync("node_modules/.bin/prisma", args, { encoding: "utf8" });
}

function toProvider(schemaText, provider) {
  return provider === "postgresql" ? schemaText.replace('provider = "sqlite"', 'provider = "postgresql"') : schemaText;
}

const hasSnapshot = fs.existsSync(SNAPSHOT);
fs.mkdirSync("data", { recursive: true });
const tmp = fs.mkdtempSync(path.join("data", "migration-"));
for (const [dir, provider, target] of [
  ["sqlite", "sqlite", SQLITE_SCHEMA],
  ["postgres", "postgresql", POSTGRES_SCHEMA],
]) {
  let from = null;
  if (hasSnapshot) {
    from = path.join(tmp, `${dir}.prisma`);
    fs.writeFileSync(from, toProvider(fs.readFileSync(SNAPSHOT, "utf8"), provider));
  }
  const sql = diff(from, target);
  const folder = path.join("prisma/migrations", dir);
  fs.mkdirSync(folder, { recursive: true });
  const seq = String(fs.readdirSync(folder).filter((f) => f.endsWith(".sql")).length + 1).padStart(4, "0");
  const file = path.join(folder, `${seq}_${name}.sql`);
  fs.writeFileSync(file, sql);
  console.log(`wrote ${file}`);
}
fs.copyFileSync(SQLITE_SCHEMA, SNAPSHOT);
fs.rmSync(tmp, { recursive: true, force: true });
