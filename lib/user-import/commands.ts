import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { ZFormId } from "../db/row-id.ts";
import { getImportJob, importableStores, listImportJobs, listImportRows, ZImportRowParams } from "./import-jobs.ts";
import { streamImportReport } from "./import-report.ts";
import { stageImport, ZImportOptions, type TStageImport } from "./stage-import.ts";
import { assertMayUpdate, cancelImport, startImport } from "./start-import.ts";
import { isOrphaned, runImport } from "./run-import.ts";

// Bulk import of users (docs/import-export.md): every step one command, behind users.create.

const RULE = "The actor's tenant; each row's roles are ones the actor may give, checked at the preview and again as each chunk applies.";

const ZFile = z.custom<AsyncIterable<Uint8Array | string>>(
  (v) => typeof v === "object" && v !== null && Symbol.asyncIterator in v,
  "Attach a file.",
);
const ZStageImport: z.ZodType<TStageImport> = ZImportOptions.extend({ file: ZFile });

export const stageImportCommand = defineCommand({
  feature: "users.create",
  input: ZStageImport,
  rule: `${RULE} Updating existing users also needs users.update and users.profile.`,
  run: (client, actor, input, progress) => {
    assertMayUpdate(actor, input.onExisting);
    return stageImport(client, actor, input, progress);
  },
});

const ZJobRef = z.object({ id: ZFormId, version: ZFormId });

export const startImportCommand = defineCommand({ feature: "users.create", input: ZJobRef, rule: RULE, run: startImport });
export const cancelImportCommand = defineCommand({ feature: "users.create", input: ZJobRef, rule: RULE, run: cancelImport });

export const importJobQuery = defineCommand({
  feature: "users.create",
  input: z.object({ id: ZFormId }),
  rule: "The actor's tenant.",
  run: async (client, actor, input) => {
    const job = await getImportJob(client, actor.tenantId, input.id);
    // Someone is watching a job whose runner died (its process stopped): take it over here.
    if (isOrphaned(job)) void runImport(client, job.id);
    return job;
  },
});

export const importRowsQuery = defineCommand({
  feature: "users.create",
  input: ZImportRowParams,
  rule: "The actor's tenant.",
  run: (client, actor, input) => listImportRows(client, actor.tenantId, input),
});

export const importJobsQuery = defineCommand({
  feature: "users.create",
  input: z.object({}),
  rule: "The actor's tenant.",
  run: async (client, actor) => ({
    jobs: await listImportJobs(client, actor.tenantId),
    stores: await importableStores(client, actor.tenantId),
  }),
});

export const importReportQuery = defineCommand({
  feature: "users.create",
  input: z.object({ id: ZFormId }),
  rule: "The actor's tenant.",
  run: (client, actor, input) => streamImportReport(client, actor.tenantId, input.id),
});
