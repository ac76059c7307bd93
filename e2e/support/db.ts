import path from "node:path";
import { createDb, type Db } from "../../lib/db/client.ts";
import { parseConfig } from "../../lib/config/load.ts";
import fs from "node:fs";

export { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";

let client: Db | undefined;

/** The database the e2e server runs on, for seeding and for checking what a flow wrote. */
export function e2eDb(): Db {
  const file = path.resolve("data/e2e/gatehouse.db");
  client ??= createDb({ provider: "sqlite", file, url: `file:${file}` });
  return client;
}

export const e2eConfig = parseConfig(fs.readFileSync("e2e/gatehouse.e2e.toml", "utf8"));
