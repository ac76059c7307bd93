/**
 * The common body of the two tenant-conf.json writes, the console import (apply-import.ts) and
 * PUT /tenant-config (put-tenant-config.ts), run inside their transaction right after
 * lockMappingVersion: plan, let the caller refuse the plan, create the scopes and roles it
 * adds, store the document, write the mapping, and record one audit event.
 */
import type { AuditAction } from "../audit/actions.ts";
import type { Actor } from "../authz/principal.ts";
import type { Tx } from "../db/client.ts";
import { loadMappingState } from "./mapping-state.ts";
import { materializeImport } from "./materialize-import.ts";
import { planImport, type ImportReport, type TImportOptions } from "./plan-import.ts";
import { saveTenantConfDocument } from "./save-tenant-conf-document.ts";
import type { ParsedTenantConf } from "./tenant-conf.ts";
import { commitChanges } from "./write-mapping.ts";

export type ImportResult = { version: number; report: ImportReport; documentKeys: string[] };

export async function commitImport(
  tx: Tx,
  actor: Actor,
  current: number,
  file: ParsedTenantConf,
  options: TImportOptions,
  verify: (report: ImportReport) => void,
  action: Extract<AuditAction, "scopes.imported" | "scopes.tenant_config_put">,
): Promise<ImportResult> {
  const tenantId = actor.tenantId;
  const state = await loadMappingState(tx, tenantId);
  const plan = await planImport(tx, state, file, options);
  const { report } = plan;
  verify(report);
  const changes = await materializeImport(tx, state, plan);
  const documentKeys = await saveTenantConfDocument(tx, tenantId, file.document);
  const { version } = await commitChanges(tx, actor, state, current, changes, {
    action,
    target: { type: "tenant_conf", name: "tenant-conf.json" },
    extra: {
      unknownRoles: report.unknownRoles.map((r) => r.name),
      unknownScopes: report.unknownScopes.map((s) => s.name),
      adminKept: report.adminKept,
      newScopes: report.newScopes.map((s) => s.name),
      newRoles: report.newRoles.map((r) => r.name),
      documentKeys,
    },
    always: plan.newScopes.length + plan.newRoles.length + documentKeys.length > 0,
  });
  return { version, report, documentKeys };
}
