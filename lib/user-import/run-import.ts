import crypto from "node:crypto";
import os from "node:os";
import { recordAudit } from "../audit/record.ts";
import type { Db, Tx } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../errors.ts";
import { listStores } from "../stores/list-stores.ts";
import { userStoreFor } from "../user-stores/user-store-for.ts";
import { applyChunk, type ChunkRow, type RowOutcome } from "./apply-chunk.ts";
import { importActor } from "./import-actor.ts";
import { finalPassword } from "./import-password.ts";
import { pendingRows, recordRowOutcomes } from "./import-rows-sql.ts";

/** Rows per transaction: big enough for set-based inserts, small enough that a chunk's hashing and locks stay short. */
export const CHUNK_ROWS = 1000;
/** A runner's lease counts while its heartbeat (one per chunk) is younger than this; then another may resume the job. */
export const IMPORT_LEASE_MS = 60_000;

const RUNNABLE = ["queued", "running", "cancelling"];

/** A job that should be running but whose runner's heartbeat has stopped. */
export function isOrphaned(job: { state: string; heartbeatAt: Date | null }, now = Date.now()): boolean {
  return RUNNABLE.includes(job.state) && (job.heartbeatAt === null || job.heartbeatAt.getTime() < now - IMPORT_LEASE_MS);
}

/** Takes the job if nobody live holds it; false when another runner does (or it has nothing left to run). */
async function takeJob(client: Db, id: number, owner: string): Promise<boolean> {
  const stale = new Date(Date.now() - IMPORT_LEASE_MS);
  const { count } = await client.importJob.updateMany({
    where: { id, state: { in: RUNNABLE }, OR: [{ owner: null }, { heartbeatAt: null }, { heartbeatAt: { lt: stale } }] },
    data: { owner, heartbeatAt: new Date() },
  });
  if (count === 0) return false;
  await client.importJob.updateMany({ where: { id, owner, state: "queued" }, data: { state: "running", startedAt: new Date() } });
  return true;
}

/** The audit event's action for a job that has stopped. */
const FINISHED = { done: "user.import_finished", cancelled: "user.import_cancelled", failed: "user.import_finished" } as const;

/** Ends the job: skipped and invalid rows get their outcome, every staged password is wiped, the lease is released. */
async function finishJob(client: Db, id: number, owner: string, state: keyof typeof FINISHED, lastError: string | null): Promise<void> {
  await client.$transaction(async (tx) => {
    const job = await tx.importJob.findUnique({ where: { id } });
    if (!job || job.owner !== owner) return;
    await tx.importRow.updateMany({ where: { jobId: id, plan: "skip", outcome: null }, data: { outcome: "skipped" } });
    await tx.importRow.updateMany({ where: { jobId: id, plan: "invalid", outcome: null }, data: { outcome: "invalid" } });
    if (state !== "failed") await tx.importRow.updateMany({ where: { jobId: id, data: { not: "" } }, data: { data: "" } });
    const counts = {
      created: job.created,
      updated: job.updated,
      skipped: job.skipped + job.toSkip,
      failed: job.failed,
      invalid: job.invalid,
    };
    await tx.importJob.update({
      where: { id },
      data: { state, lastError, owner: null, finishedAt: new Date(), skipped: counts.skipped, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      tenantId: job.tenantId,
      actor: { id: job.actorId, name: job.actorName },
      action: FINISHED[state],
      target: { type: "import", id, name: job.fileName },
      after: { state, ...counts, ...(state === "failed" ? { ok: false, error: lastError } : {}) },
      ip: job.actorIp,
    });
  });
}

/** Writes the chunk's outcomes and counts in its own transaction, so they commit with its users. */
async function recordOutcomes(tx: Tx, jobId: number, outcomes: RowOutcome[]): Promise<void> {
  await recordRowOutcomes(tx, jobId, outcomes);
  const count = (kind: RowOutcome["outcome"]) => outcomes.filter((o) => o.outcome === kind).length;
  await tx.importJob.update({
    where: { id: jobId },
    data: {
      processed: { increment: outcomes.length },
      created: { increment: count("created") },
      updated: { increment: count("updated") },
      skipped: { increment: count("skipped") },
      failed: { increment: count("failed") },
    },
  });
}

/**
 * Runs a queued import to its end, chunk by chunk, in this process. Safe to call anywhere and
 * any number of times: the lease lets one runner work on a job, and a job whose runner died
 * (its heartbeat older than a minute) is taken over where its last committed chunk ended.
 */
export async function runImport(client: Db, jobId: number): Promise<void> {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(6).toString("hex")}`;
  if (!(await takeJob(client, jobId, owner))) return;
  try {
    for (;;) {
      const job = await client.importJob.findUniqueOrThrow({ where: { id: jobId } });
      if (job.owner !== owner) return;
      if (job.state === "cancelling") return await finishJob(client, jobId, owner, "cancelled", null);
      const actor = await importActor(client, job);
      if (typeof actor === "string") return await finishJob(client, jobId, owner, "failed", actor);
      const store = (await listStores(client, job.tenantId)).find((s) => s.id === job.storeId);
      if (!store) return await finishJob(client, jobId, owner, "failed", "The user store was deleted.");
      const users = userStoreFor(store);
      const importer = users.bulkImporter;
      if (!importer) return await finishJob(client, jobId, owner, "failed", `The ${store.domain} user store takes no imports.`);
      const rows: ChunkRow[] = await pendingRows(client, jobId, importer.chunkRows ?? CHUNK_ROWS);
      if (rows.length === 0) return await finishJob(client, jobId, owner, "done", null);
      // Hashing is the slow part: all of a chunk's passwords at once, on libuv's threads, before the transaction opens.
      const prepared = await Promise.all(
        rows.map(async (r) => ({
          ...r,
          password: r.plan === "create" ? await finalPassword(r.data.password, importer.passwordsInClear) : undefined,
        })),
      );
      const chunk = { id: jobId, tenantId: job.tenantId, onExisting: job.onExisting, owner };
      const apply = () =>
        client.$transaction(async (tx) => {
          const outcomes = await applyChunk(tx, chunk, actor, store, users, prepared);
          await recordOutcomes(tx, jobId, outcomes);
        });
      // A user added between the re-check and the insert (another admin, another import) makes the
      // insert fail whole; the retry's re-check then sees it and reports that row alone.
      await apply().catch((error: unknown) => (isUniqueViolation(error) ? apply() : Promise.reject(error)));
    }
  } catch (error) {
    const message = error instanceof AppError ? error.message : "The import stopped on a database error; resume it to continue.";
    if (!(error instanceof AppError)) console.error(`import ${jobId} failed`, error);
    await finishJob(client, jobId, owner, "failed", message).catch(() => undefined);
  }
}

/** Start-up: resumes imports whose runner died, and drops previews nobody applied within a day (their sealed passwords with them). */
export async function resumeImports(client: Db): Promise<void> {
  const dayAgo = new Date(Date.now() - 24 * 3600_000);
  await client.importJob.deleteMany({ where: { state: { in: ["staging", "preview"] }, createdAt: { lt: dayAgo } } });
  const jobs = await client.importJob.findMany({ where: { state: { in: RUNNABLE } }, select: { id: true } });
  // A job this host ran before a crash still shows its old heartbeat: it becomes free a lease later.
  for (const job of jobs) {
    void runImport(client, job.id);
    setTimeout(() => void runImport(client, job.id), IMPORT_LEASE_MS + 1_000).unref();
  }
}
