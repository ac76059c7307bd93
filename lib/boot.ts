import { getConfig } from "./config/current.ts";
import { ConfigError } from "./config/load.ts";
import { db } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { resolveDbTarget } from "./db/target.ts";
import { provision, type ProvisionReport } from "./provisioning/provision.ts";
import { backfillNameKeys, type BackfillReport } from "./stores/backfill-name-keys.ts";

export type BootReport = { provider: string; migrationsApplied: string[]; names: BackfillReport; provisioning: ProvisionReport };

/** Start-up: read the config, migrate the database and provision it. Safe to run on many instances at once. */
export async function boot(): Promise<BootReport> {
  const config = getConfig();
  // Only an address the operator chose counts for the cross-site check (lib/http/origin.ts).
  // next-auth still needs a base URL; the console never follows its absolute redirects.
  const publicUrl = config.server.public_url ?? process.env.NEXTAUTH_URL;
  if (publicUrl) process.env.GATEHOUSE_PUBLIC_URL = publicUrl;
  process.env.NEXTAUTH_URL ??= publicUrl ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const target = resolveDbTarget();
  // Keys before provisioning, which finds the admin role and account by key.
  const { applied, result } = await migrate(target, async () => {
    const names = await backfillNameKeys(db(), target.provider);
    return { names, provisioning: await provision(db(), config) };
  });
  return { provider: target.provider, migrationsApplied: applied, ...result };
}

/** For the server: print what happened, or why the start failed, and stop on failure. */
export async function bootOrExit(): Promise<void> {
  try {
    const report = await boot();
    const applied = report.migrationsApplied.length ? report.migrationsApplied.join(", ") : "none pending";
    console.log(`[gatehouse] database: ${report.provider}; migrations: ${applied}`);
    const { names } = report;
    if (names.users + names.roles > 0)
      console.log(`[gatehouse] name keys and skeletons computed: ${names.users} users, ${names.roles} roles`);
    for (const k of names.kept) {
      console.warn(
        `[gatehouse] ${k.kind} ${k.name} keeps its old name key: its name now counts as the same as ${k.clashesWith}; rename ` +
          `or delete one of them`,
      );
    }
    for (const item of report.provisioning.created) console.log(`[gatehouse] created ${item}`);
    const renamed = report.provisioning.renamedAdminRole;
    if (renamed) console.log(`[gatehouse] renamed admin role ${renamed.from} -> ${renamed.to}`);
    // scripts/serve.mjs records each request's TCP peer (lib/http/client-address.ts); without it
    // the per-address limits and locks count whatever X-Forwarded-For a client sends.
    if (process.env.NODE_ENV === "production" && !process.env.GATEHOUSE_PEER_HEADER && !getConfig().server.trust_proxy_headers) {
      console.warn("[gatehouse] not started through scripts/serve.mjs (npm start): client addresses come from X-Forwarded-For");
    }
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error));
    console.error(`[gatehouse] cannot start:\n${message}`);
    process.exit(1);
  }
}

/**
 * scripts/serve.mjs starts the other cluster workers once the first has migrated and provisioned,
 * which happens beside listening, not before it; it asks through GATEHOUSE_REPORT_BOOT. Here, not
 * in instrumentation.ts, because Turbopack also compiles that file for the Edge runtime, which has
 * no `process.send`.
 */
export function reportBooted(): void {
  if (process.env.GATEHOUSE_REPORT_BOOT === "1") process.send?.({ gatehouse: "booted" });
}
