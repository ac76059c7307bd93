// `npm run bench:import`: a bulk import of N users (default 100,000) with pre-hashed passwords
// and two claims each, through the real commands (preview, then the chunked runner), on SQLite
// and PostgreSQL; beside it, in the same run, the raw driver inserting the same rows (users and
// claims, names keyed and skeletoned in JS as the import does) in one transaction: the floor.
// Issue #16's target: 100,000 users in <= 30 s. No assertion: the figures go to docs/performance.md.
//   npm run bench:import -- --users 100000 [--no-postgres] [--no-sqlite]
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import bcrypt from "bcryptjs";
import { createDb } from "../lib/db/client.ts";
import type { DbTarget } from "../lib/db/target.ts";
import { usernameColumns } from "../lib/stores/look-alike.ts";
import { stageImportCommand } from "../lib/user-import/commands.ts";
import { runImport } from "../lib/user-import/run-import.ts";
import { actorFor } from "../testing/actor.ts";
import { testConfig } from "../testing/config.ts";
import { seedUser } from "../testing/seed.ts";
import { freshSqliteTarget, migrateAndProvision } from "./bench-common.ts";
import { machineLoad, withScratchPostgres } from "./bench-support.ts";

const { values } = parseArgs({
  options: { users: { type: "string", default: "100000" }, "no-postgres": { type: "boolean" }, "no-sqlite": { type: "boolean" } },
});
const USERS = Number(values.users);
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = testConfig();

const EMAIL = "http://wso2.org/claims/emailaddress";
const COUNTRY = "http://wso2.org/claims/country";
type Row = { name: string; hash: string; email: string; country: string };

/** The users: a few distinct bcrypt hashes (cost 10) in turn; a pre-hashed row costs the import the same whatever its hash. */
async function rows(): Promise<Row[]> {
  const hashes = await Promise.all([1, 2, 3, 4].map((i) => bcrypt.hash(`bench password ${i}`, 10)));
  return Array.from({ length: USERS }, (_, i) => ({
    name: `imp${i}`,
    hash: hashes[i % 4]!,
    email: `imp${i}@example.com`,
    country: "Peru",
  }));
}

/** The file in WSO2's bulk-import shape, as an upload arrives: 64 KB pieces. */
async function* wso2File(data: Row[]): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let text = "UserName,Password,Claims\n";
  for (const r of data) {
    text += `${r.name},${r.hash},${EMAIL}=${r.email},${COUNTRY}=${r.country}\n`;
    if (text.length > 65_536) {
      yield encoder.encode(text);
      text = "";
    }
  }
  yield encoder.encode(text);
}

async function viaImport(target: DbTarget, data: Row[]): Promise<{ preview: number; apply: number }> {
  await migrateAndProvision(target);
  const db = createDb(target);
  try {
    const admin = await actorFor(db, (await seedUser(db, { admin: true })).id);
    const started = performance.now();
    const input = stageImportCommand.input.parse({ domain: "PRIMARY", fileName: "bench.csv", kind: "csv", file: wso2File(data) });
    const preview = await stageImportCommand.run(db, admin, input);
    const staged = performance.now();
    if (preview.toCreate !== USERS) throw new Error(`preview planned ${preview.toCreate} of ${USERS}: ${JSON.stringify(preview)}`);
    await db.importJob.update({ where: { id: preview.id }, data: { state: "queued" } });
    await runImport(db, preview.id);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: preview.id } });
    if (job.created !== USERS) throw new Error(`imported ${job.created} of ${USERS}: ${job.state} ${job.lastError ?? ""}`);
    return { preview: staged - started, apply: performance.now() - staged };
  } finally {
    await db.$disconnect();
  }
}

const prepared = (data: Row[]) => data.map((r) => ({ ...usernameColumns(r.name), hash: r.hash, email: r.email, country: r.country }));

async function rawSqlite(file: string, data: Row[]): Promise<number> {
  await migrateAndProvision(freshSqliteTarget(file));
  const database = new Database(file);
  try {
    const { tenantId, id: storeId } = database.prepare(`SELECT "tenantId", "id" FROM "UserStore" WHERE "domain" = 'PRIMARY'`).get() as {
      tenantId: number;
      id: number;
    };
    const started = performance.now();
    const user = database.prepare(
      `INSERT INTO "User" ("tenantId","storeId","username","usernameKey","usernameSkeleton","passwordHash","updatedAt") VALUES (?,?,?,?,?,?,?) RETURNING "id"`,
    );
    const claim = database.prepare(`INSERT INTO "UserClaim" ("userId","claim","value") VALUES (?,?,?)`);
    const now = Date.now();
    database.transaction(() => {
      for (const r of prepared(data)) {
        const { id } = user.get(tenantId, storeId, r.username, r.usernameKey, r.usernameSkeleton, r.hash, now) as { id: number };
        claim.run(id, EMAIL, r.email);
        claim.run(id, COUNTRY, r.country);
      }
    })();
    return performance.now() - started;
  } finally {
    database.close();
  }
}

async function rawPostgres(url: string, data: Row[]): Promise<number> {
  await migrateAndProvision({ provider: "postgres", url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const store = (await client.query(`SELECT "tenantId", "id" FROM "UserStore" WHERE "domain" = 'PRIMARY'`)).rows[0] as {
      tenantId: number;
      id: number;
    };
    const started = performance.now();
    await client.query("BEGIN");
    const all = prepared(data);
    for (let i = 0; i < all.length; i += 5_000) {
      const batch = all.slice(i, i + 5_000);
      const ids = await client.query(
        `INSERT INTO "User" ("tenantId","storeId","username","usernameKey","usernameSkeleton","passwordHash","updatedAt")
         SELECT $1, $2, j.username, j."usernameKey", j."usernameSkeleton", j.hash, now()
         FROM json_to_recordset($3::json) AS j(username text, "usernameKey" text, "usernameSkeleton" text, hash text) RETURNING "id", "usernameKey"`,
        [store.tenantId, store.id, JSON.stringify(batch)],
      );
      const byKey = new Map((ids.rows as { id: number; usernameKey: string }[]).map((r) => [r.usernameKey, r.id]));
      const claims = batch.flatMap((r) => [
        { userId: byKey.get(r.usernameKey), claim: EMAIL, value: r.email },
        { userId: byKey.get(r.usernameKey), claim: COUNTRY, value: r.country },
      ]);
      await client.query(
        `INSERT INTO "UserClaim" ("userId","claim","value") SELECT j."userId", j.claim, j.value FROM json_to_recordset($1::json) AS j("userId" int, claim text, value text)`,
        [JSON.stringify(claims)],
      );
    }
    await client.query("COMMIT");
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const data = await rows();
  console.log(
    `bench:import: ${USERS.toLocaleString("en")} users, bcrypt hashes, 2 claims each; ${os.cpus().length} cores, load ${machineLoad()}`,
  );
  console.log("database    | import: preview + apply = total | raw driver insert (floor) | import / floor");
  const report = (name: string, r: { preview: number; apply: number }, floor: number) =>
    console.log(
      `${name.padEnd(11)} | ${s(r.preview)} + ${s(r.apply)} = ${s(r.preview + r.apply)} | ${s(floor)} | ${((r.preview + r.apply) / floor).toFixed(1)}×`,
    );
  const dir = path.join(os.tmpdir(), `gatehouse-bench-import-${process.pid}`);
  if (!values["no-sqlite"]) {
    const imported = await viaImport(freshSqliteTarget(path.join(dir, "import.db")), data);
    report("SQLite", imported, await rawSqlite(path.join(dir, "raw.db"), data));
  }
  if (!values["no-postgres"]) {
    const imported = await withScratchPostgres("gatehouse_bench_import", (target) => viaImport(target, data));
    const floor = await withScratchPostgres("gatehouse_bench_import_raw", (target) => rawPostgres(target.url, data));
    report("PostgreSQL", imported, floor);
  }
  console.log(`load after: ${machineLoad()}`);
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
