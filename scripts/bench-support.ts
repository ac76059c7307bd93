// What the database benchmarks (bench-users, bench-reads, bench-audit, bench-load) share beyond
// bench-common.ts: their common flags, the tenant the synthetic users are seeded into, a scratch
// PostgreSQL database, and the machine-load note of their tables.
import os from "node:os";
import pg from "pg";
import { hashPassword } from "../lib/auth/password.ts";
import { INTERNAL, PRIMARY } from "../lib/core/domains.ts";
import { createDb } from "../lib/db/client.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { createRole } from "../lib/roles/create-role.ts";
import type { PermissionPath } from "../lib/permissions/tree.ts";
import { actorFor } from "../testing/actor.ts";
import { uniqueName } from "../testing/databases.ts";
import { superTenantId } from "../testing/seed.ts";
import { migrateAndProvision } from "./bench-common.ts";
import { TEAM_ROLES, type SeedPlan } from "./bench-users-data.ts";

export const PG_ADMIN_URL = process.env.GATEHOUSE_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Every seeded user's password (one hash for all of them). */
export const BENCH_PASSWORD = "bench-password";

type StringFlag = { type: "string"; default: string };
type BoolFlag = { type: "boolean"; default: boolean };

/** parseArgs options every database benchmark takes: its size flag (--users, --events), --repeat, --postgres, --no-sqlite. */
export function benchOptions<S extends string>(
  sizeFlag: S,
  size: string,
  repeat: string,
): Record<S | "repeat", StringFlag> & Record<"postgres" | "no-sqlite", BoolFlag> {
  const sized = { [sizeFlag]: { type: "string", default: size } } as Record<S, StringFlag>;
  const rest = {
    repeat: { type: "string", default: repeat },
    postgres: { type: "boolean", default: false },
    "no-sqlite": { type: "boolean", default: false },
  } satisfies Record<"repeat", StringFlag> & Record<"postgres" | "no-sqlite", BoolFlag>;
  return { ...sized, ...rest };
}

/**
 * Tenant, stores and roles the normal way before the users are bulk-inserted: migrations,
 * provisioning, an LDAP store, the team roles created by the admin, the Internal roles' ids.
 * `onRolesReady` runs once the roles are there, before the password is hashed.
 */
export async function prepareSeedPlan(
  target: DbTarget,
  users: number,
  options: { permissions?: PermissionPath[]; onRolesReady?: () => void } = {},
): Promise<SeedPlan> {
  const permissions = options.permissions ?? ["/permission/admin/login"];
  await migrateAndProvision(target);
  const client = createDb(target);
  try {
    const tenantId = await superTenantId(client);
    const ldap = await client.userStore.create({ data: { tenantId, domain: "LDAP", kind: "secondary", readOnly: true } });
    const admin = await client.user.findFirstOrThrow({ where: { tenantId, usernameKey: "admin" } });
    const actor = await actorFor(client, admin.id);
    const roleIds = new Map<string, number>();
    for (const name of [...TEAM_ROLES, "auditors"]) {
      roleIds.set(name, (await createRole(client, actor, { domain: PRIMARY, name, permissions: [...permissions], userIds: [] })).id);
    }
    for (const name of ["creator", "publisher", "subscriber"]) {
      roleIds.set(name, (await client.role.findFirstOrThrow({ where: { tenantId, nameKey: name, store: { domain: INTERNAL } } })).id);
    }
    const primary = await client.userStore.findFirstOrThrow({ where: { tenantId, domain: PRIMARY } });
    const firstId = ((await client.user.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1;
    options.onRolesReady?.();
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    return { users, tenantId, primaryId: primary.id, ldapId: ldap.id, firstId, roleIds, passwordHash };
  } finally {
    await client.$disconnect();
  }
}

type ScratchOptions = {
  adminUrl?: string;
  /** Keep the database afterwards (its URL is printed), for a closer look. */
  keep?: boolean;
  /** Where the drop is registered while `run` runs, for a SIGINT handler to call. */
  cleanups?: (() => Promise<void>)[];
  /** Print that the database was dropped. */
  announce?: boolean;
};

/** Runs `run` on a new, uniquely named PostgreSQL database on the admin URL's server, dropped afterwards. */
export async function withScratchPostgres<T>(
  prefix: string,
  run: (target: DbTarget & { provider: "postgres" }) => Promise<T>,
  options: ScratchOptions = {},
): Promise<T> {
  const name = uniqueName(prefix);
  const adminUrl = options.adminUrl ?? PG_ADMIN_URL;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  options.cleanups?.push(drop);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await run({ provider: "postgres", url: url.toString() });
  } finally {
    options.cleanups?.splice(options.cleanups.indexOf(drop), 1);
    if (options.keep) {
      await admin.end();
      console.log(`  kept database ${url}`);
    } else {
      await drop();
      if (options.announce) console.log(`  dropped database ${name}`);
    }
  }
}

/** The 1, 5 and 15 minute load averages: other work on the machine skews the figures, so the tables say how busy it was. */
export const machineLoad = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
