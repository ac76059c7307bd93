/**
 * Step two of a tenant-conf.json import (see preview-import.ts): applies exactly what the
 * preview showed, in one transaction with one audit event ("scopes.imported"). It recomputes
 * the plan under the mapping lock and refuses with STALE_VERSION when the mapping version or
 * the plan itself differs from the preview's (someone saved, or a role was added or deleted
 * since), so nothing changes that the admin did not see and confirm. The file's other keys are
 * stored for the export (tenant-conf-document.ts).
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { commitImport, type ImportResult } from "./commit-import.ts";
import { ZMappingVersion } from "./mapping-input.ts";
import { lockMappingVersion, MAPPING_WRITE_TX } from "../roles/mapping-version.ts";
import { ZImportOptions } from "./plan-import.ts";
import { MAX_TENANT_CONF_CHARS, parseTenantConf } from "./tenant-conf.ts";

export const ZApplyImport = ZImportOptions.extend({
  text: z.string().max(MAX_TENANT_CONF_CHARS),
  version: ZMappingVersion,
  planHash: z.string().min(1).max(128),
});
export type TApplyImport = z.infer<typeof ZApplyImport>;

export async function applyImport(client: Db, actor: Actor, body: TApplyImport): Promise<ImportResult> {
  const file = parseTenantConf(body.text);
  return client.$transaction(async (tx) => {
    const current = await lockMappingVersion(tx, actor.tenantId, body.version);
    const sameAsPreview = (report: { planHash: string }) => {
      if (report.planHash !== body.planHash) {
        throw new AppError("STALE_VERSION", "The import would now change something other than its preview showed. Preview the file again.");
      }
    };
    return commitImport(tx, actor, current, file, body, sameAsPreview, "scopes.imported");
  }, MAPPING_WRITE_TX);
}
