import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { fileOf } from "../../testing/import-job.ts";
import { seedUser } from "../../testing/seed.ts";
import { provisionTenant, runCommand, superAdminActor } from "../../testing/tenants.ts";
import { actorFor } from "../../testing/actor.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { hashPassword, verifyPassword } from "../user-stores/password-hash.ts";
import { IMPORT, coveredBy } from "../../testing/isolation-coverage.ts";
import {
  cancelImportCommand,
  importJobQuery,
  importJobsQuery,
  importReportQuery,
  importRowsQuery,
  stageImportCommand,
  startImportCommand,
} from "./commands.ts";
import { runImport } from "./run-import.ts";

const config = testConfig();
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = config;
const EMAIL = "http://wso2.org/claims/emailaddress";
const COUNTRY = "http://wso2.org/claims/country";
const PASSWORD = "a long enough password 1";

describe.each(await databaseKinds())("bulk import on %s", (kind) => {
  let t: TestDatabase;
  let admin: Actor;
  let other: { tenantId: number; admin: Actor };

  const stage = (actor: Actor, text: string, options: Record<string, unknown> = {}) =>
    runCommand(stageImportCommand, t.db, actor, { domain: "PRIMARY", fileName: "users.csv", kind: "csv", ...options, file: fileOf(text) });
  const job = (actor: Actor, id: number) => runCommand(importJobQuery, t.db, actor, { id });
  const rows = (actor: Actor, id: number, show = "all") => runCommand(importRowsQuery, t.db, actor, { id, show, size: 100 });
  async function applied(actor: Actor, id: number) {
    const { version } = await job(actor, id);
    await runCommand(startImportCommand, t.db, actor, { id, version });
    await vi.waitFor(async () => expect(["done", "failed", "cancelled"]).toContain((await job(actor, id)).state), {
      timeout: 20_000,
      interval: 50,
    });
    return job(actor, id);
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    admin = await superAdminActor(t.db);
    other = await provisionTenant(t.db, admin, "import-other.example");
  });
  afterAll(() => t.drop());

  it("reads WSO2's bulk-import file: previews every row with its reason, then creates the users with claims and roles", async () => {
    await t.db.role.create({
      data: { tenantId: admin.tenantId, storeId: (await primary()).id, name: "importers", nameKey: "importers", nameSkeleton: "importers" },
    });
    const text = [
      "UserName,Password,Claims",
      `wso2_ann,${PASSWORD},${EMAIL}=ann@example.com,${COUNTRY}=France,http://wso2.org/claims/role=importers:Internal/everyone`,
      `wso2_bob,${PASSWORD},${EMAIL}=bob@example.com`,
      `wso2_eve,short,${EMAIL}=eve@example.com`,
      `wso2_dan,${PASSWORD},${EMAIL}=not-an-email`,
      `wso2_ann,${PASSWORD}`,
      `wso2_cat,,${EMAIL}=cat=1@example.com,http://wso2.org/claims/identity/askPassword=true`,
      `wso2_fay,${PASSWORD},http://wso2.org/claims/role=nosuchrole`,
      `"<script>x</script>",${PASSWORD}`,
      `wso2_gus,${PASSWORD},http://example.org/unknown=1`,
    ].join("\n");
    const preview = await stage(admin, text);
    const invalid = (await rows(admin, preview.id, "invalid")).rows;
    expect(invalid.map((r) => [r.line, r.column, r.message])).toEqual([
      [4, "Password", "Use at least 12 characters."],
      [5, EMAIL, "Enter an email address like name@example.com."],
      [6, "UserName", "The same user as line 2, or one that looks like it."],
      [8, "Roles", "No role named nosuchrole."],
      [9, "UserName", "<script>x</script> names the <script>x< store; this import writes to PRIMARY."],
      [10, "http://example.org/unknown", "http://example.org/unknown is not a claim of this tenant."],
    ]);
    expect(preview).toMatchObject({ format: "wso2-csv", total: 9, toCreate: 3, toUpdate: 0, toSkip: 0, invalid: 6 });
    expect(await t.db.user.count({ where: { usernameKey: { startsWith: "wso2_" } } })).toBe(0);

    const done = await applied(admin, preview.id);
    expect(done).toMatchObject({ state: "done", created: 3, failed: 0, processed: 3 });
    const ann = await t.db.user.findFirstOrThrow({
      where: { usernameKey: "wso2_ann" },
      include: { claims: true, memberships: { include: { role: true } } },
    });
    expect(Object.fromEntries(ann.claims.map((c) => [c.claim, c.value]))).toEqual({ [EMAIL]: "ann@example.com", [COUNTRY]: "France" });
    expect(ann.memberships.map((m) => m.role.name)).toEqual(["importers"]);
    expect(await verifyPassword(ann.passwordHash, PASSWORD)).toBe(true);
    // A value may hold "=": WSO2 splits the cell at the first one only... and refuses the row; Gatehouse keeps it.
    const cat = await t.db.user.findFirstOrThrow({ where: { usernameKey: "wso2_cat" }, include: { claims: true } });
    expect(cat.mustChangePassword).toBe(true);
    expect(await verifyPassword(cat.passwordHash, "")).toBe(false);
    expect(cat.claims[0]?.value).toBe("cat=1@example.com");
    const after = await rows(admin, preview.id);
    expect(after.rows.filter((r) => r.plan === "create").map((r) => r.outcome)).toEqual(["created", "created", "created"]);
    expect(after.rows.filter((r) => r.plan === "invalid").every((r) => r.outcome === "invalid")).toBe(true);
    expect(await t.db.importRow.count({ where: { jobId: preview.id, data: { not: "" } } })).toBe(0);
    const audit = await t.db.auditEvent.findMany({ where: { action: { startsWith: "user.import" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["user.import_started", "user.import_finished"]);
    expect(await t.db.auditEvent.count({ where: { action: "user.created", targetName: { startsWith: "wso2_" } } })).toBe(3);
  });

  it("reads named columns and JSON lines; keeps recognised hashes; skips or updates existing users", async () => {
    const hash = await hashPassword("imported hash password");
    const csv = ["UserName,Password,Roles,Email,Country", `col_one,"${hash}",,one@example.com,Peru`, "wso2_ann,,,ann2@example.com,"].join(
      "\r\n",
    );
    const skip = await stage(admin, csv);
    expect((await rows(admin, skip.id)).rows.map((r) => [r.plan, r.message])).toEqual([
      ["create", ""],
      ["skip", "wso2_ann already exists."],
    ]);
    expect(skip).toMatchObject({ format: "csv", toCreate: 1, toSkip: 1 });
    expect((await applied(admin, skip.id)).created).toBe(1);
    const one = await t.db.user.findFirstOrThrow({ where: { usernameKey: "col_one" } });
    expect(one.passwordHash).toBe(hash);

    const jsonl = [
      JSON.stringify({ userName: "wso2_ann", claims: { [EMAIL]: "ann3@example.com" }, roles: ["importers"] }),
      "not json",
      JSON.stringify({ userName: "json_new", password: PASSWORD, claims: { Country: "Chile" } }),
    ].join("\n");
    const update = await stage(admin, jsonl, { kind: "jsonl", onExisting: "update" });
    expect(update).toMatchObject({ format: "jsonl", toCreate: 1, toUpdate: 1, invalid: 1 });
    expect((await applied(admin, update.id)).updated).toBe(1);
    const ann = await t.db.user.findFirstOrThrow({ where: { usernameKey: "wso2_ann" }, include: { claims: true } });
    expect(ann.claims.find((c) => c.claim === EMAIL)?.value).toBe("ann3@example.com");
    expect(await t.db.userClaim.count({ where: { user: { usernameKey: "json_new" }, claim: COUNTRY, value: "Chile" } })).toBe(1);
  });

  it("refuses a whole file it cannot read, and leaves nothing behind", async () => {
    await expect(stage(admin, "Name,Password\nx,y")).rejects.toThrow(/first column must be UserName/);
    await expect(stage(admin, "UserName,Departmnt\nx,y")).rejects.toThrow(/"Departmnt", is not a claim/);
    await expect(stage(admin, "")).rejects.toThrow(/empty/);
    expect(await t.db.importJob.count({ where: { state: "staging" } })).toBe(0);
  });

  it("never lets an import give a role carrying permissions the actor lacks", async () => {
    const limited = await actorFor(t.db, (await seedUser(t.db, { grants: ["/permission/admin/manage/identity/usermgt/create"] })).id);
    const preview = await stage(limited, `UserName,Password,Claims\nesc_one,${PASSWORD},http://wso2.org/claims/role=admin`);
    expect((await rows(limited, preview.id)).rows[0]).toMatchObject({ plan: "invalid", column: "Roles" });
    await expect(stage(limited, "UserName,Password\nx1,y", { onExisting: "update" })).rejects.toThrow(/permission to edit profiles/);
  });

  it("resumes a job whose runner died, from its last committed chunk, without duplicates", async () => {
    const hash = bcrypt.hashSync("imported bcrypt password", 4);
    const lines = Array.from({ length: 1_200 }, (_, i) => `bulk_${i},${i % 2 ? "" : hash}`);
    const preview = await stage(admin, ["UserName,Password", ...lines].join("\n"));
    expect(preview.toCreate).toBe(1_200);
    const staged = await t.db.importRow.findMany({ where: { jobId: preview.id, line: { gt: 501 } }, select: { line: true, data: true } });
    const { version } = await job(admin, preview.id);
    await t.db.importJob.update({ where: { id: preview.id }, data: { state: "queued", version: version + 1 } });
    await runImport(t.db, preview.id);
    // As if the runner had died after its first chunk committed: the later chunks never happened,
    // and its heartbeat is two minutes old.
    await t.db.user.deleteMany({ where: { usernameKey: { in: staged.map((r) => `bulk_${r.line - 2}`) } } });
    for (const r of staged)
      await t.db.importRow.update({ where: { jobId_line: { jobId: preview.id, line: r.line } }, data: { outcome: null, data: r.data } });
    await t.db.importJob.update({
      where: { id: preview.id },
      data: { state: "running", owner: "dead:1:x", heartbeatAt: new Date(Date.now() - 120_000), processed: 500, created: 500, skipped: 0 },
    });
    await runImport(t.db, preview.id);
    const resumed = await job(admin, preview.id);
    expect(resumed).toMatchObject({ state: "done", processed: 1_200, created: 1_200, failed: 0 });
    expect(await t.db.user.count({ where: { usernameKey: { startsWith: "bulk_" } } })).toBe(1_200);
    const first = await t.db.user.findFirstOrThrow({ where: { usernameKey: "bulk_0" } });
    expect(first).toMatchObject({ passwordHash: hash, mustChangePassword: false });
    expect(await verifyPassword(first.passwordHash, "imported bcrypt password")).toBe(true);
  });

  it("cancels a queued job before it writes, and discards a preview", async () => {
    const preview = await stage(admin, `UserName,Password\ncancel_me,${PASSWORD}`);
    const { version } = await job(admin, preview.id);
    await t.db.importJob.update({
      where: { id: preview.id },
      data: { state: "queued", owner: "other:1:x", heartbeatAt: new Date(), version: version + 1 },
    });
    await runCommand(cancelImportCommand, t.db, admin, { id: preview.id, version: version + 1 });
    await t.db.importJob.update({ where: { id: preview.id }, data: { heartbeatAt: new Date(Date.now() - 120_000) } });
    // The cancel's own kick of the runner may be the one that finishes it.
    await runImport(t.db, preview.id);
    await vi.waitFor(async () => expect((await job(admin, preview.id)).state).toBe("cancelled"), { timeout: 10_000, interval: 50 });
    expect(await t.db.user.count({ where: { usernameKey: "cancel_me" } })).toBe(0);

    const discard = await stage(admin, `UserName,Password\ndiscard_me,${PASSWORD}`);
    const d = await job(admin, discard.id);
    await expect(runCommand(cancelImportCommand, t.db, admin, { id: d.id, version: d.version })).resolves.toMatchObject({
      discarded: true,
    });
    expect(await t.db.importJob.count({ where: { id: d.id } })).toBe(0);
  });

  it("answers another tenant's job exactly like a missing one", async () => {
    const preview = await stage(admin, `UserName,Password\nmine_only,${PASSWORD}`);
    await expect(job(other.admin, preview.id)).rejects.toThrow("No such import.");
    await expect(job(other.admin, 99_999_999)).rejects.toThrow("No such import.");
    await expect(runCommand(startImportCommand, t.db, other.admin, { id: preview.id, version: 1 })).rejects.toThrow("No such import.");
    await expect(runCommand(cancelImportCommand, t.db, other.admin, { id: preview.id, version: 1 })).rejects.toThrow("No such import.");
    await expect(rows(other.admin, preview.id)).rejects.toThrow("No such import.");
    await expect(runCommand(importReportQuery, t.db, other.admin, { id: preview.id })).rejects.toThrow("No such import.");
    const theirs = await runCommand(importJobsQuery, t.db, other.admin, {});
    expect(theirs.jobs).toEqual([]);
    expect(theirs.stores).toEqual(["PRIMARY"]);
    expect((await runCommand(importJobsQuery, t.db, admin, {})).jobs.map((j) => j.id)).toContain(preview.id);
  });

  it("covers the pages, routes and actions the isolation inventory assigns to it", () => {
    expect(coveredBy(IMPORT)).toEqual([
      "GET app/api/v1/users/import/[id]/report/route.ts",
      "GET app/api/v1/users/import/[id]/route.ts",
      "GET app/api/v1/users/import/[id]/rows/route.ts",
      "POST app/api/v1/users/import/[id]/cancel/route.ts",
      "POST app/api/v1/users/import/[id]/start/route.ts",
      "app/(console)/users/import/[id]/page.tsx",
      "app/(console)/users/import/actions.ts#cancelImportAction",
      "app/(console)/users/import/actions.ts#startImportAction",
      "app/(console)/users/import/page.tsx",
    ]);
  });

  function primary() {
    return t.db.userStore.findFirstOrThrow({ where: { tenantId: admin.tenantId, domain: "PRIMARY" } });
  }
});
