/**
 * Step one of a tenant-conf.json import: every change it would make, and nothing written.
 *
 *   const preview = await previewImport(db, tenantId, fileText);
 *   // { version, planHash, scopes: [{ scope, added, removed }], aliases: [{ role, added, removed }],
 *   //   unchangedScopes, unknownRoles: [{ name, paths }], unknownScopes: [{ name, path }], adminKept }
 *   await applyImport(db, actor, { text: fileText, version: preview.version, planHash: preview.planHash });
 *
 * A malformed file is an INVALID_INPUT whose message starts with the JSON path of the fault
 * (details.path too), e.g. "RESTAPIScopes.Scope[3].Roles: Invalid input: expected string, received number".
 */
import type { Db } from "../db/client.ts";
import { loadMappingState } from "./mapping-state.ts";
import { planImport, type ImportReport } from "./plan-import.ts";
import { parseTenantConf } from "./tenant-conf.ts";

export type ImportPreview = ImportReport;

export async function previewImport(client: Db, tenantId: number, text: string): Promise<ImportPreview> {
  const file = parseTenantConf(text);
  const state = await loadMappingState(client, tenantId);
  return (await planImport(client, state, file)).report;
}
