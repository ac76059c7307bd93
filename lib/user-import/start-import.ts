import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { can } from "../authz/decide.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { getImportJob } from "./import-jobs.ts";
import { runImport } from "./run-import.ts";

export type TJobRef = { id: number; version: number };

const stale = () =>
  new AppError("STALE_VERSION", "This import changed after you opened it (started, cancelled or finished). Reload to see it.");

export function assertMayUpdate(actor: Actor, onExisting: string): void {
  if (onExisting === "update" && !(can(actor, "users.update") && can(actor, "users.profile"))) {
    throw new AppError("FORBIDDEN", "Updating existing users needs the permission to edit profiles and assign roles.");
  }
}

/** Apply: the previewed job (or one that failed, to resume it) is queued and this process starts running it. */
export async function startImport(client: Db, actor: Actor, input: TJobRef): Promise<{ id: number }> {
  const job = await getImportJob(client, actor.tenantId, input.id);
  assertMayUpdate(actor, job.onExisting);
  if (job.toApply === 0 && job.state === "preview") throw new AppError("INVALID_INPUT", "The file has no rows to create or update.");
  await client.$transaction(async (tx) => {
    const { count } = await tx.importJob.updateMany({
      where: { id: job.id, tenantId: actor.tenantId, version: input.version, state: { in: ["preview", "failed"] } },
      data: { state: "queued", lastError: null, version: { increment: 1 } },
    });
    if (count !== 1) throw stale();
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "user.import_started",
      target: { type: "import", id: job.id, name: job.fileName },
      after: {
        store: job.domain,
        onExisting: job.onExisting,
        toCreate: job.toCreate,
        toUpdate: job.toUpdate,
        resumed: job.state === "failed",
      },
      ip: actor.ip,
    });
  });
  void runImport(client, job.id);
  return { id: job.id };
}

/**
 * Cancel: a running job stops after its current chunk (what committed stays, as every chunk is
 * whole); a preview nobody started is discarded with its staged rows and passwords.
 */
export async function cancelImport(client: Db, actor: Actor, input: TJobRef): Promise<{ id: number; discarded: boolean }> {
  const job = await getImportJob(client, actor.tenantId, input.id);
  if (job.state === "preview" || job.state === "failed") {
    const { count } = await client.importJob.deleteMany({
      where: { id: job.id, tenantId: actor.tenantId, version: input.version, state: job.state },
    });
    if (count !== 1) throw stale();
    return { id: job.id, discarded: true };
  }
  const { count } = await client.importJob.updateMany({
    where: { id: job.id, tenantId: actor.tenantId, version: input.version, state: { in: ["queued", "running"] } },
    data: { state: "cancelling", version: { increment: 1 } },
  });
  if (count !== 1) throw stale();
  // A queued job nobody runs (its runner died) still needs a runner to record the cancellation.
  void runImport(client, job.id);
  return { id: job.id, discarded: false };
}
