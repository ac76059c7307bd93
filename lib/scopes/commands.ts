import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { applyImport, ZApplyImport } from "./apply-import.ts";
import { checkMappingRole, findMatrixRole } from "./check-mapping-role.ts";
import { createScopeMapping, ZCreateScopeMapping } from "./create-scope-mapping.ts";
import { deleteScopeMapping, ZDeleteScopeMapping } from "./delete-scope-mapping.ts";
import { ZRoleName } from "./mapping-input.ts";
import { ZImportOptions } from "./plan-import.ts";
import { previewImport } from "./preview-import.ts";
import { previewScopeRoles } from "./preview-scope-roles.ts";
import { putTenantConfig, ZPutTenantConfig } from "./put-tenant-config.ts";
import { ZScopeRolesChange } from "./scope-roles-changes.ts";
import { setRoleAliases, ZSetRoleAliases } from "./set-role-aliases.ts";
import { setScopeRoles } from "./set-scope-roles.ts";
import { MAX_TENANT_CONF_CHARS } from "./tenant-conf.ts";
import { updateScopeMapping, ZUpdateScopeMapping } from "./update-scope-mapping.ts";

// Every operation on scope mappings, one command each (lib/authz/command.ts): the console's
// Settings › Role Permissions pages and the APIM admin API reach them through the adapters in
// lib/transport and lib/apim. Each input is parsed once, by the adapter; the writes never parse.

const ADMIN_RULE = "The admin role stays on every scope; unknown roles and scopes are refused by name.";
const ZRole = z.object({ role: ZRoleName });

export const checkMappingRoleCommand = defineCommand({
  feature: "scopes.manage",
  input: ZRole,
  rule: "The role exists, is not Internal/system, and has no scope mapping yet.",
  run: (client, principal, input) => checkMappingRole(client, principal.tenantId, input.role),
});

export const createScopeMappingCommand = defineCommand({
  feature: "scopes.manage",
  input: ZCreateScopeMapping,
  rule: `The role exists, is not Internal/system, and has no scope mapping yet. ${ADMIN_RULE}`,
  run: createScopeMapping,
});

export const updateScopeMappingCommand = defineCommand({
  feature: "scopes.manage",
  input: ZUpdateScopeMapping,
  rule: `The role has a scope mapping, as of the version read. ${ADMIN_RULE}`,
  run: updateScopeMapping,
});

export const deleteScopeMappingCommand = defineCommand({
  feature: "scopes.manage",
  input: ZDeleteScopeMapping,
  rule: "The role is on a scope (or an alias) to delete, as of the version read; the admin role keeps every scope.",
  run: deleteScopeMapping,
});

export const previewScopeRolesCommand = defineCommand({
  feature: "scopes.manage",
  input: ZScopeRolesChange,
  rule: `None beyond the save's: a preview refuses what the save would. ${ADMIN_RULE}`,
  run: (client, principal, input) => previewScopeRoles(client, principal.tenantId, input),
});

/** The matrix save and PUT /system-scopes: `version` is optional only for APIM's last-write-wins contract. */
export const setScopeRolesCommand = defineCommand({
  feature: "scopes.manage",
  input: ZScopeRolesChange,
  rule: `Each listed scope once. ${ADMIN_RULE}`,
  run: setScopeRoles,
});

export const findMatrixRoleCommand = defineCommand({
  feature: "scopes.manage",
  input: ZRole,
  rule: "The role exists and is neither Internal/system nor Internal/everyone.",
  run: (client, principal, input) => findMatrixRole(client, principal.tenantId, input.role),
});

export const setRoleAliasesCommand = defineCommand({
  feature: "scopes.manage",
  input: ZSetRoleAliases,
  rule: "Every named role exists; a role listed among its own aliases is ignored.",
  run: setRoleAliases,
});

export const ZPreviewImport = ZImportOptions.extend({
  text: z.string().trim().min(1, "Choose a file or paste the JSON.").max(MAX_TENANT_CONF_CHARS),
});

export const previewImportCommand = defineCommand({
  feature: "scopes.manage",
  input: ZPreviewImport,
  rule: "None: a preview reads what the import would change.",
  run: (client, principal, { text, ...options }) => previewImport(client, principal.tenantId, text, options),
});

export const applyImportCommand = defineCommand({
  feature: "scopes.manage",
  input: ZApplyImport,
  rule: "The import changes exactly what its preview showed, at the version previewed; the admin role keeps every scope.",
  run: applyImport,
});

export const putTenantConfigCommand = defineCommand({
  feature: "scopes.manage",
  input: ZPutTenantConfig,
  rule: "The document passes WSO2's schema; unknown names and taking the admin role off a scope are refused unless the options allow.",
  run: putTenantConfig,
});
