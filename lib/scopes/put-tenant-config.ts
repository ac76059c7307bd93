/**
 * PUT /api/am/admin/v4/tenant-config: a whole tenant-conf.json, applied as one transaction.
 * WSO2 stores the body as given once it passes tenant-config-schema.json; Gatehouse checks the
 * same schema, then applies the scope and alias parts the way the console import does, and
 * keeps the other keys for the export. Unlike the console, there is no preview to confirm, so
 * it refuses (400) anything it would otherwise skip or alter, each named by JSON path:
 * unknown roles and scopes, and taking the admin role off a scope. The caller can opt in to
 *   addUnknownScopes  add the file's unknown scopes to the catalog;
 *   createAliasRoles  create RoleMappings alias roles that do not exist yet;
 *   skipUnknown       skip the remaining unknown roles and scopes, as the console import does.
 * `version` (from If-Match) makes it fail with STALE_VERSION when the mapping moved on.
 */
import { z } from "zod";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { commitImport, type ImportResult } from "./commit-import.ts";
import { ZMappingVersion } from "./mapping-input.ts";
import { lockMappingVersion, MAPPING_WRITE_TX } from "../roles/mapping-version.ts";
import type { ImportReport } from "./plan-import.ts";
import { ZTenantConfigBody, ZTenantConfigQuery } from "../contracts/apim-admin.ts";
import { parseTenantConf, type ParsedTenantConf } from "./tenant-conf.ts";
import { tenantConfigViolations } from "./validate-tenant-config.ts";

/** The document is any JSON object: WSO2's schema is checked here, so each violation is named by its path. */
export const ZPutTenantConfig = z.object({
  document: ZTenantConfigBody,
  version: ZMappingVersion.optional(),
  options: ZTenantConfigQuery,
});
export type TPutTenantConfig = z.infer<typeof ZPutTenantConfig>;

const MAX_LISTED = 20;

export async function putTenantConfig(client: Db, actor: Actor, input: TPutTenantConfig): Promise<ImportResult> {
  const violations = tenantConfigViolations(input.document);
  if (violations.length > 0) throw refusal("The body does not match WSO2's tenant-config-schema.json", violations);
  const file = parseTenantConf(JSON.stringify(input.document));
  return client.$transaction(async (tx) => {
    const current = await lockMappingVersion(tx, actor.tenantId, input.version);
    return commitImport(
      tx,
      actor,
      current,
      file,
      input.options,
      (report) => refuseSkipped(file, report, input.options.skipUnknown),
      "scopes.tenant_config_put",
    );
  }, MAPPING_WRITE_TX);
}

function refuseSkipped(file: ParsedTenantConf, report: ImportReport, skipUnknown: boolean): void {
  const pathOf = (scope: string) => file.scopes?.find((s) => s.name === scope)?.path ?? "RESTAPIScopes";
  const problems = report.adminKept.map((scope) => `${pathOf(scope)}: the admin role cannot be taken off ${scope}`);
  if (!skipUnknown) {
    for (const role of report.unknownRoles) for (const path of role.paths) problems.push(`${path}: unknown role "${role.name}"`);
    for (const scope of report.unknownScopes) problems.push(`${scope.path}: unknown scope "${scope.name}"`);
  }
  if (problems.length === 0) return;
  const hint = skipUnknown
    ? ""
    : " (addUnknownScopes=true, createAliasRoles=true or skipUnknown=true change what happens to unknown names)";
  throw refusal(`Nothing was changed${hint}`, problems);
}

function refusal(summary: string, problems: string[]): AppError {
  const listed = problems.slice(0, MAX_LISTED).join("; ");
  const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : "";
  return new AppError("INVALID_INPUT", `${summary}: ${listed}${more}.`, { problems });
}
