import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DbTarget } from "./target.ts";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// Any fixed 64-bit number works; every instance must use the same one.
const ADVISORY_LOCK_KEY = "7420313370428217";
const TABLE = "_gatehouse_migrations";

type Migration = { name: string; sql: string; checksum: string };

function readMigrations(provider: DbTarget["provider"]): Migration[] {
  const dir = path.join(MIGRATIONS_DIR, provider);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

function pending(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const m of all) {
    const sum = applied.get(m.name);
    if (sum && sum !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied. Write a new migration instead.`);
    }
  }
  return all.filter((m) => !applied.has(m.name));
}

export type MigrationResult<T> = { applied: string[]; result: T };

/**
 * Applies pending migrations, then runs `whileLocked` before anyone else may migrate.
 * PostgreSQL instances that start together queue on an advisory lock, so each migration
 * runs once, in its own transaction, and provisioning never races itself.
 */
export async function migrate<T>(target: DbTarget, whileLocked: () => Promise<T>): Promise<MigrationResult<T>> {
  return target.provider === "postgres" ? migratePostgres(target.url, whileLocked) : migrateSqlite(target.file, whileLocked);
}

async function migratePostgres<T>(url: string, whileLocked: () => Promise<T>): Promise<MigrationResult<T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const rows = (await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${TABLE}`)).rows;
    const todo = pending(readMigrations("postgres"), new Map(rows.map((r) => [r.name, r.checksum])));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO ${TABLE} (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
    }
    const result = await whileLocked();
    return { applied: todo.map((m) => m.name), result };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Switching a new file to WAL needs it to itself, and SQLite answers SQLITE_BUSY at once, without
 * its busy handler, while a second instance starting at the same moment does the same; so
 * the switch is tried again for as long as the connection's busy timeout.
 */
async function enableWal(conn: Database.Database): Promise<void> {
  const giveUpAt = Date.now() + 10_000;
  for (;;) {
    try {
      conn.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

async function migrateSqlite<T>(file: string, whileLocked: () => Promise<T>): Promise<MigrationResult<T>> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const conn = new Database(file, { timeout: 10_000 });
  try {
    await enableWal(conn);
    conn.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
    );
    const applied: string[] = [];
    for (const m of readMigrations("sqlite")) {
      // IMMEDIATE takes the write lock first, so a second process waits and then sees the row.
      conn
        .transaction(() => {
          const row = conn.prepare(`SELECT checksum FROM ${TABLE} WHERE name = ?`).get(m.name) as { checksum: string } | undefined;
          if (row) {
            pending([m], new Map([[m.name, row.checksum]]));
            return;
          }
          conn.exec(m.sql);
          conn.prepare(`INSERT INTO ${TABLE} (name, checksum) VALUES (?, ?)`).run(m.name, m.checksum);
          applied.push(m.name);
        })
        .immediate();
    }
    const result = await whileLocked();
    return { applied, result };
  } finally {
    conn.close();
  }
}
