// A migrated, provisioned database holding `users` synthetic users (scripts/bench-users-data.ts),
// for the load benchmark: the same tenant, stores, roles and users as `npm run bench:users`.
import { performance } from "node:perf_hooks";
import type { DbTarget } from "../../lib/db/target.ts";
import { seedPostgres, seedSqlite, type SeedPlan } from "../bench-users-data.ts";
import { prepareSeedPlan } from "../bench-support.ts";

export async function seedBenchDatabase(target: DbTarget, users: number): Promise<SeedPlan> {
  const started = performance.now();
  const plan = await prepareSeedPlan(target, users);
  const seeded = target.provider === "sqlite" ? await seedSqlite(target.file, plan) : await seedPostgres(target.url, plan);
  console.log(
    `  ${users.toLocaleString("en")} users migrated, provisioned and seeded in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      ` (${seeded.map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)} s`).join(", ")})`,
  );
  return plan;
}
