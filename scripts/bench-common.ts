// Pieces every benchmark script shares: a fresh provisioned database, statistics and a
// repeatable pseudo-random hash.
import fs from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db/client.ts";
import { migrate } from "../lib/db/migrate.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { provision } from "../lib/provisioning/provision.ts";
import { testConfig } from "../testing/config.ts";

/** A well-mixed 32-bit hash of n, so choices look random but repeat across runs. */
export function mix(n: number): number {
  let h = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Nearest-rank quantile of an ascending list. */
export const quantile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;

/** An SQLite target on a new, empty file (its WAL and journal removed too). */
export function freshSqliteTarget(file: string): DbTarget {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return { provider: "sqlite", file, url: `file:${file}` };
}

/** Migrations, then provisioning with the default config, as a first start does. */
export async function migrateAndProvision(target: DbTarget): Promise<void> {
  await migrate(target, async () => {
    const client = createDb(target);
    try {
      await provision(client, testConfig());
    } finally {
      await client.$disconnect();
    }
  });
}
