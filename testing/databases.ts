import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../lib/db/client.ts";
import { migrate } from "../lib/db/migrate.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { provision } from "../lib/provisioning/provision.ts";
import { testConfig } from "./config.ts";
import { superTenantId } from "./seed.ts";

export type DbKind = "sqlite" | "postgres";
export type TestDatabase = { kind: DbKind; target: DbTarget; db: Db; drop: () => Promise<void> };

const ADMIN_URL = process.env.GATEHOUSE_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

let postgresReachable: Promise<boolean> | undefined;

/** True when tests must fail rather than skip without PostgreSQL (npm test sets it once PostgreSQL is up). */
export const postgresRequired = process.env.GATEHOUSE_REQUIRE_POSTGRES === "1";

function reachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      if (postgresRequired) throw new Error(`PostgreSQL is required but unreachable at ${ADMIN_URL}: ${(error as Error).message}`);
      console.warn(`[tests] PostgreSQL unreachable at ${ADMIN_URL}; its suites are skipped.`);
      return false;
    }
  })();
  return postgresReachable;
}

/** The databases every data-layer suite runs on. */
export async function databaseKinds(): Promise<DbKind[]> {
  return (await reachable()) ? ["sqlite", "postgres"] : ["sqlite"];
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(4).toString("hex")}`;
}

/** An empty target of the given kind: a temporary SQLite file, or a uniquely named PostgreSQL database. */
export async function createEmptyTarget(kind: DbKind): Promise<{ target: DbTarget; cleanup: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-test-"));
    const file = path.join(dir, "test.db");
    return {
      target: { provider: "sqlite", file, url: `file:${file}` },
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = uniqueName("gatehouse_test");
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    target: { provider: "postgres", url: url.toString() },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A migrated database with a connected client; `drop` disconnects and deletes it. */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  const { target, cleanup } = await createEmptyTarget(kind);
  await migrate(target, async () => undefined);
  const db = createDb(target);
  return {
    kind,
    target,
    db,
    drop: async () => {
      await db.$disconnect();
      await cleanup();
    },
  };
}

export type ProvisionedDatabase = TestDatabase & { tenantId: number };

/** createTestDatabase, provisioned as a server's first start does it, with the super tenant's id. */
export async function createProvisionedDatabase(kind: DbKind): Promise<ProvisionedDatabase> {
  const t = await createTestDatabase(kind);
  await provision(t.db, testConfig());
  return { ...t, tenantId: await superTenantId(t.db) };
}
