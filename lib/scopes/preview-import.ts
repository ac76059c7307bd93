/**
 * Step one of a tenant-conf.json import: every change it would make, and nothing written.
 *
 *   const preview = await previewImport(db, tenantId, fileText);
 *   // { version, planHash, scopes: [{ scope, added, removed }], aliases: [{ role, added, removed }],
 *   //   unchangedScopes, unknownRoles: [{ name, paths }], unknownScopes: [{ name, path }], adminKept,
 *   //   newScopes, newRoles, offers: { addUnknownScopes: 2, createAliasRoles: 1 }, documentKeys: ["Notifications"] }
 *   // With { addUnknownScopes: true } the unknown scopes become newScopes, added by the apply;
 *   // with { createAliasRoles: true } unknown RoleMappings alias roles become newRoles, created by it.
 *   await applyImport(db, actor, { text: fileText, version: preview.version, planHash: preview.planHash, ...options });
 *
 * A malformed file is an INVALID_INPUT whose message starts with the JSON path of the fault
 * (details.path too), e.g. "RESTAPIScopes.Scope[3].Roles: Invalid input: expected string, received number".
 */
import type { Db } from "../db/client.ts";
import { loadMappingState } from "./mapping-state.ts";
import { NO_IMPORT_OPTIONS, planImport, type ImportReport, type TImportOptions } from "./plan-import.ts";
import { parseTenantConf } from "./tenant-conf.ts";
import { mergeDocuments, readTenantConfDocument } from "./tenant-conf-document.ts";

/** `documentKeys`: the file's other top-level keys (Notifications, DefaultRoles, …) that the import adds or changes. */
export type ImportPreview = ImportReport & { documentKeys: string[] };

export async function previewImport(
  client: Db,
  tenantId: number,
  text: string,
  options: TImportOptions = NO_IMPORT_OPTIONS,
): Promise<ImportPreview> {
  const file = parseTenantConf(text);
  const state = await loadMappingState(client, tenantId);
  const { report } = await planImport(client, state, file, options);
  const { changedKeys } = mergeDocuments(await readTenantConfDocument(client, tenantId), file.document);
  return { ...report, documentKeys: changedKeys };
}
