import { spawn } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { createEmptyTarget, databaseKinds } from "../../testing/databases.ts";
import type { BootReport } from "../boot.ts";
import type { DbTarget } from "./target.ts";

function bootProcess(target: DbTarget): Promise<BootReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "testing/boot-once.ts"], {
      env: { ...process.env, DATABASE_URL: target.url, GATEHOUSE_CONFIG: "testing/fixtures/absent.toml" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as BootReport) : reject(new Error(`boot exited ${code}: ${err}`))));
  });
}

async function appliedMigrations(target: DbTarget): Promise<string[]> {
  if (target.provider === "sqlite") {
    const conn = new Database(target.file, { readonly: true });
    try {
      return (conn.prepare("SELECT name FROM _gatehouse_migrations ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    } finally {
      conn.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>("SELECT name FROM _gatehouse_migrations ORDER BY name")).rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

describe.each(await databaseKinds())("start-up on %s", (kind) => {
  it("lets two instances start at the same moment: each migration and each provisioning step happens once", async () => {
    const { target, cleanup } = await createEmptyTarget(kind);
    try {
      const reports = await Promise.all([bootProcess(target), bootProcess(target)]);
      const files = fs
        .readdirSync(`prisma/migrations/${kind}`)
        .filter((f) => f.endsWith(".sql"))
        .sort();
      expect(await appliedMigrations(target)).toEqual(files);
      expect(reports.flatMap((r) => r.migrationsApplied).sort()).toEqual(files);
      expect(reports.filter((r) => r.provisioning.created.length > 0)).toHaveLength(1);

      const db = createDb(target);
      try {
        expect(await db.tenant.count()).toBe(1);
        expect(await db.user.count()).toBe(1);
        expect(await db.role.count()).toBe(8);
        expect(await db.auditEvent.count({ where: { action: "system.provisioned" } })).toBe(1);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await cleanup();
    }
  });
});

describe("migration files", () => {
  it("are refused when an applied one was edited", async () => {
    const { target, cleanup } = await createEmptyTarget("sqlite");
    try {
      await bootProcess(target);
      const conn = new Database((target as { file: string }).file);
      conn.prepare("UPDATE _gatehouse_migrations SET checksum = 'edited'").run();
      conn.close();
      await expect(bootProcess(target)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await cleanup();
    }
  });

  it("exist for both databases, with the same names", () => {
    expect(fs.readdirSync("prisma/migrations/sqlite")).toEqual(fs.readdirSync("prisma/migrations/postgres"));
  });
});
