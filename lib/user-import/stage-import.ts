import { z } from "zod";
import type { Progress } from "../authz/command.ts";
import type { Actor } from "../authz/principal.ts";
import { COMPUTED_CLAIMS, type ClaimRule } from "../claims/profile-rules.ts";
import { getConfig } from "../config/current.ts";
import { nameKey } from "../core/domains.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { assertWritable, findStore } from "../stores/list-stores.ts";
import { usernameSchema } from "../stores/name-rules.ts";
import { passwordSchema } from "../users/password-policy.ts";
import { settingsClaimMap } from "../user-stores/external/claim-map.ts";
import { readExternalStore } from "../user-stores/external/store-row.ts";
import { userStoreFor } from "../user-stores/user-store-for.ts";
import { firstIssue } from "../core/zod-issues.ts";
import { stageRows } from "./import-rows-sql.ts";
import { planBatch, type PlanContext } from "./plan-rows.ts";
import { readCsv, readJsonLines, type ClaimColumns, type FileRow, type ImportFormat } from "./read-import-file.ts";

/** Rows planned and staged per round trip. */
const PLAN_BATCH = 1000;

export const ZImportFileKind = z.enum(["csv", "jsonl"]);
export const ZImportOptions = z.object({
  domain: z.string().trim().min(1).max(64),
  onExisting: z.enum(["skip", "update"]).default("skip"),
  fileName: z.string().trim().max(255).default("users.csv"),
  kind: ZImportFileKind.default("csv"),
});
export type TImportOptions = z.infer<typeof ZImportOptions>;
export type TStageImport = TImportOptions & { file: AsyncIterable<Uint8Array | string> };

export type ImportPreview = {
  id: number;
  total: number;
  toCreate: number;
  toUpdate: number;
  toSkip: number;
  invalid: number;
  format: ImportFormat;
};

/** A column or cell names a claim by URI, or by display name when exactly one claim has it. */
async function claimColumns(client: Db, tenantId: number): Promise<{ rules: Map<string, ClaimRule>; resolve: ClaimColumns }> {
  const claims = await client.claim.findMany({
    where: { tenantId },
    select: { uri: true, displayName: true, regEx: true, required: true, readOnly: true },
  });
  const rules = new Map(claims.filter((c) => !COMPUTED_CLAIMS.has(c.uri)).map((c) => [c.uri, c]));
  const byName = new Map<string, string | null>();
  for (const c of claims) byName.set(nameKey(c.displayName), byName.has(nameKey(c.displayName)) ? null : c.uri);
  const resolve = (header: string) => {
    const text = header.trim();
    return claims.some((c) => c.uri === text) ? text : (byName.get(nameKey(text)) ?? null);
  };
  return { rules, resolve };
}

/** What a directory store can keep: the claims its claim → attribute map (Settings › Claims) names. */
async function directoryRules(client: Db, tenantId: number, storeId: number): Promise<PlanContext["directory"]> {
  const row = await readExternalStore(client, tenantId, storeId);
  return { domain: row.domain, claims: new Set(Object.keys(settingsClaimMap(row.type, row.settings))) };
}

function policyCheck(): (password: string) => string | null {
  const schema = passwordSchema(getConfig().password_policy);
  return (password) => {
    const parsed = schema.safeParse(password);
    return parsed.success ? null : firstIssue(parsed.error).message;
  };
}

/**
 * The dry run: reads the upload as it arrives, plans every row against the tenant (create,
 * update, skip, or invalid with the column and the reason) and stages it, without writing a
 * user. The job waits in "preview" until someone starts it; a file the reader cannot read at
 * all is refused whole and leaves nothing behind.
 */
export async function stageImport(client: Db, actor: Actor, input: TStageImport, progress?: Progress): Promise<ImportPreview> {
  const tenantId = actor.tenantId;
  const store = await findStore(client, tenantId, input.domain);
  assertWritable(store);
  const importer = userStoreFor(store).bulkImporter;
  if (!importer) throw new AppError("INVALID_INPUT", `The ${store.domain} user store takes no imports.`, { field: "domain" });
  const directory = importer.passwordsInClear ? await directoryRules(client, tenantId, store.id) : undefined;
  const { rules, resolve } = await claimColumns(client, tenantId);
  const job = await client.importJob.create({
    data: {
      tenantId,
      actorId: actor.userId,
      actorName: actor.displayName,
      actorIp: actor.ip,
      storeId: store.id,
      fileName: input.fileName,
      format: input.kind,
      onExisting: input.onExisting,
    },
    select: { id: true },
  });
  const ctx: PlanContext = {
    tenantId,
    store,
    actor,
    onExisting: input.onExisting,
    importer,
    rules,
    seenKeys: new Map(),
    seenSkeletons: new Map(),
    roles: new Map(),
    passwordPolicy: policyCheck(),
    usernames: usernameSchema(store),
    directory,
  };
  const counts = { total: 0, toCreate: 0, toUpdate: 0, toSkip: 0, invalid: 0 };
  const stage = async (batch: FileRow[]) => {
    const planned = await planBatch(client, ctx, batch);
    await stageRows(client, job.id, planned);
    for (const p of planned) counts[PLAN_COUNT[p.plan]]++;
    counts.total += planned.length;
    progress?.({ done: counts.total, total: 0 });
  };
  try {
    const reader = input.kind === "jsonl" ? readJsonLines(input.file, resolve) : readCsv(input.file, resolve);
    let batch: FileRow[] = [];
    let next = await reader.next();
    while (!next.done) {
      batch.push(next.value);
      if (batch.length === PLAN_BATCH) {
        await stage(batch);
        batch = [];
      }
      next = await reader.next();
    }
    if (batch.length) await stage(batch);
    await client.importJob.update({ where: { id: job.id }, data: { state: "preview", format: next.value, ...counts } });
    return { id: job.id, ...counts, format: next.value };
  } catch (error) {
    await client.importJob.delete({ where: { id: job.id } }).catch(() => undefined);
    throw error;
  }
}

const PLAN_COUNT = { create: "toCreate", update: "toUpdate", skip: "toSkip", invalid: "invalid" } as const;
