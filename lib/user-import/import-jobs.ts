import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { PAGE_SIZES } from "../paging.ts";
import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";

export const JOB_SELECT = {
  id: true,
  fileName: true,
  format: true,
  onExisting: true,
  state: true,
  total: true,
  toCreate: true,
  toUpdate: true,
  toSkip: true,
  invalid: true,
  processed: true,
  created: true,
  updated: true,
  skipped: true,
  failed: true,
  lastError: true,
  heartbeatAt: true,
  version: true,
  actorName: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  storeId: true,
} as const;

/** One job of the actor's tenant; another tenant's id answers as a missing one. */
export async function getImportJob(client: Db, tenantId: number, id: number) {
  const job = await client.importJob.findFirst({ where: { id, tenantId }, select: JOB_SELECT });
  if (!job) throw new AppError("NOT_FOUND", "No such import.");
  const store = await client.userStore.findFirst({ where: { id: job.storeId, tenantId }, select: { domain: true } });
  return { ...job, domain: store?.domain ?? "", toApply: job.toCreate + job.toUpdate };
}

/** The stores an import may write to: the tenant's writable user stores, database or directory (LDAP, WSO2 JDBC). */
export async function importableStores(client: Db, tenantId: number): Promise<string[]> {
  const stores = await client.userStore.findMany({
    where: { tenantId, kind: { in: ["primary", "secondary"] }, readOnly: false },
    select: { domain: true },
    orderBy: { id: "asc" },
  });
  return stores.map((s) => s.domain);
}

/** The tenant's latest imports, newest first. */
export function listImportJobs(client: Db, tenantId: number) {
  return client.importJob.findMany({ where: { tenantId }, orderBy: { id: "desc" }, take: 20, select: JOB_SELECT });
}

export const IMPORT_ROW_FILTERS = ["all", "create", "update", "skip", "invalid"] as const;
export const ZImportRowParams = z.object({
  id: ZFormId,
  show: z.enum(IMPORT_ROW_FILTERS).catch("all"),
  after: z.coerce.number().int().min(0).max(100_000_000).catch(0),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25),
});
export type TImportRowParams = z.infer<typeof ZImportRowParams>;

/** A keyset page of the job's rows by line, filtered by plan (the (jobId, plan, line) index serves both). */
export async function listImportRows(client: Db, tenantId: number, params: TImportRowParams) {
  const job = await getImportJob(client, tenantId, params.id);
  const rows = await client.importRow.findMany({
    where: { jobId: job.id, line: { gt: params.after }, ...(params.show === "all" ? {} : { plan: params.show }) },
    orderBy: { line: "asc" },
    take: params.size + 1,
    select: { line: true, username: true, plan: true, message: true, column: true, outcome: true },
  });
  const page = rows.slice(0, params.size);
  return { job, params, rows: page, next: rows.length > params.size ? page[page.length - 1]!.line : null };
}
