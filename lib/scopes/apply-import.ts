/**
 * Step two of a tenant-conf.json import (see preview-import.ts): applies exactly what the
 * preview showed, in one transaction with one audit event ("scopes.imported"). It recomputes
 * the plan under the mapping lock and refuses with STALE_VERSION when the mapping version or
 * the plan itself differs from the preview's (someone saved, or a role was added or deleted
 * since), so nothing changes that the admin did not see and confirm.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { parseInput, ZMappingVersion } from "./mapping-input.ts";
import { loadMappingState } from "./mapping-state.ts";
import { lockMappingVersion, MAPPING_WRITE_TX } from "./mapping-version.ts";
import { planImport, type ImportReport } from "./plan-import.ts";
import { MAX_TENANT_CONF_CHARS, parseTenantConf } from "./tenant-conf.ts";
import { commitChanges } from "./write-mapping.ts";

export const ZApplyImport = z.object({
  text: z.string().max(MAX_TENANT_CONF_CHARS),
  version: ZMappingVersion,
  planHash: z.string().min(1).max(128),
});
export type TApplyImport = z.infer<typeof ZApplyImport>;

export async function applyImport(client: Db, actor: Actor, input: TApplyImport): Promise<{ version: number; report: ImportReport }> {
  const body = parseInput(ZApplyImport, input);
  const file = parseTenantConf(body.text);
  const tenantId = actor.principal.tenantId;
  return client.$transaction(async (tx) => {
    const current = await lockMappingVersion(tx, tenantId, body.version);
    const state = await loadMappingState(tx, tenantId);
    const { changes, report } = await planImport(tx, state, file);
    if (report.planHash !== body.planHash) {
      throw new AppError("STALE_VERSION", "The import would now change something other than its preview showed. Preview the file again.");
    }
    const { version } = await commitChanges(tx, actor, state, current, changes, {
      action: "scopes.imported",
      target: { type: "tenant_conf", name: "tenant-conf.json" },
      extra: { unknownRoles: report.unknownRoles.map((r) => r.name), unknownScopes: report.unknownScopes.map((s) => s.name), adminKept: report.adminKept },
    });
    return { version, report };
  }, MAPPING_WRITE_TX);
}
