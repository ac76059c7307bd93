import "server-only";
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { readMappingVersion } from "../roles/mapping-version.ts";
import { listScopeMappings, getScopeMapping, ZScopeMappingParams } from "./list-scope-mappings.ts";
import { getScopeMatrix, listRoleAliases, listScopes } from "./list-scopes.ts";
import { ZRoleName } from "./mapping-input.ts";
import { exportTenantConf } from "./tenant-conf.ts";

// The reads of scope mappings, one command per page or GET (app/ pages call them through
// loadPage, route handlers through commandRoute). Every read names the mapping version to send back.

const NONE = "None: the tenant's whole mapping is readable with scopes.manage.";
const ZNothing = z.object({});

/** The Settings › Role Permissions list: one page of roles with a scope mapping, searched by name. */
export const scopeMappingsPageQuery = defineCommand({
  feature: "scopes.manage",
  input: ZScopeMappingParams,
  rule: NONE,
  run: async (client, principal, params) => ({ params, ...(await listScopeMappings(client, principal.tenantId, params)) }),
});

/** One role's scope mapping; NOT_FOUND for an unknown role. */
export const scopeMappingQuery = defineCommand({
  feature: "scopes.manage",
  input: z.object({ role: ZRoleName }),
  rule: NONE,
  run: (client, principal, input) => getScopeMapping(client, principal.tenantId, input.role),
});

/** Edit of one role's scope mapping: the mapping, and every scope with the version to save against. */
export const editScopeMappingPageQuery = defineCommand({
  feature: "scopes.manage",
  input: z.object({ role: ZRoleName }),
  rule: NONE,
  run: async (client, principal, input) => {
    const [mapping, scopes] = await Promise.all([
      getScopeMapping(client, principal.tenantId, input.role),
      listScopes(client, principal.tenantId),
    ]);
    return { mapping, ...scopes };
  },
});

/** Every scope with its roles: the wizard's scope tree and GET /system-scopes. */
export const scopesQuery = defineCommand({
  feature: "scopes.manage",
  input: ZNothing,
  rule: NONE,
  run: (client, principal) => listScopes(client, principal.tenantId),
});

export const scopeMatrixQuery = defineCommand({
  feature: "scopes.manage",
  input: ZNothing,
  rule: NONE,
  run: (client, principal) => getScopeMatrix(client, principal.tenantId),
});

export const roleAliasesQuery = defineCommand({
  feature: "scopes.manage",
  input: ZNothing,
  rule: NONE,
  run: (client, principal) => listRoleAliases(client, principal.tenantId),
});

/** The tenant-conf.json to export (the console page, its download, GET /tenant-config), with the mapping version. */
export const tenantConfQuery = defineCommand({
  feature: "scopes.manage",
  input: ZNothing,
  rule: NONE,
  run: async (client, principal) => {
    const version = await readMappingVersion(client, principal.tenantId);
    return { version, document: await exportTenantConf(client, principal.tenantId) };
  },
});
