/**
 * WSO2's tenant-conf.json: parsing (with WSO2's quirks tolerated) and the export. The scope
 * mapping is read from the two keys below; the whole document is kept too
 * (tenant-conf-document.ts), so an export returns every other key as it was imported.
 *
 *   "RESTAPIScopes": { "Scope": [{ "Name": "apim:api_view", "Roles": "admin, Internal/creator," }] }
 *   "RoleMappings":  { "Internal/creator": "Internal/creator,creator" }
 *
 * Tolerated: spaces around names, empty entries and trailing commas in a Roles string or a
 * scope Name (WSO2 ships "apim:app_token_type_upgrade,"). Refused, with the JSON path of the
 * fault: invalid JSON, a wrong type anywhere in those two keys, an empty scope Name, a scope
 * listed twice, and a file with neither key.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { loadMappingState, roleName, sortedRoleNames } from "./mapping-state.ts";
import { composeTenantConf, readTenantConfDocument, type TenantConfDocument } from "./tenant-conf-document.ts";
import { firstIssue } from "../core/zod-issues.ts";

export const MAX_TENANT_CONF_CHARS = 2_000_000;

const ZTenantConf = z.object({
  RESTAPIScopes: z.object({ Scope: z.array(z.object({ Name: z.string(), Roles: z.string() })) }).optional(),
  RoleMappings: z.record(z.string(), z.string()).optional(),
});

export type ParsedScope = { name: string; roles: string[]; path: string };
export type ParsedRoleMapping = { role: string; aliases: string[]; path: string };
/** `null` means the file does not have that key, so that part of the mapping is left alone. */
export type ParsedTenantConf = { scopes: ParsedScope[] | null; roleMappings: ParsedRoleMapping[] | null; document: TenantConfDocument };

/** "admin, Internal/creator,,x," -> ["admin", "Internal/creator", "x"] */
export function splitRoles(value: string): string[] {
  return value
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "");
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) =>
      typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`,
    )
    .join("")
    .replace(/^\./, "");
}

function malformed(path: string, message: string): AppError {
  return new AppError("INVALID_INPUT", path ? `${path}: ${message}` : message, { path });
}

export function parseTenantConf(text: string): ParsedTenantConf {
  if (text.length > MAX_TENANT_CONF_CHARS) throw malformed("", `The file is larger than ${MAX_TENANT_CONF_CHARS} characters.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw malformed("", `The file is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw malformed("", "The file must be a JSON object.");
  const parsed = ZTenantConf.safeParse(json);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw malformed(jsonPath(issue.path), issue.message);
  }
  const { RESTAPIScopes, RoleMappings } = parsed.data;
  if (!RESTAPIScopes && !RoleMappings) throw malformed("", "The file has neither RESTAPIScopes nor RoleMappings.");

  let scopes: ParsedScope[] | null = null;
  if (RESTAPIScopes) {
    const seen = new Map<string, string>();
    scopes = RESTAPIScopes.Scope.map((s, i) => {
      const path = `RESTAPIScopes.Scope[${i}]`;
      const name = s.Name.trim().replace(/[\s,]+$/, "");
      if (!name) throw malformed(`${path}.Name`, "A scope needs a name.");
      if (seen.has(name)) throw malformed(`${path}.Name`, `"${name}" is listed twice (also at ${seen.get(name)}).`);
      seen.set(name, path);
      return { name, roles: splitRoles(s.Roles), path: `${path}.Roles` };
    });
  }
  const roleMappings = RoleMappings
    ? Object.entries(RoleMappings).map(([role, value]) => ({
        role: role.trim(),
        aliases: splitRoles(value),
        path: jsonPath(["RoleMappings", role]),
      }))
    : null;
  return { scopes, roleMappings, document: json as TenantConfDocument };
}

export type TenantConfFragment = {
  RESTAPIScopes: { Scope: { Name: string; Roles: string }[] };
  RoleMappings: Record<string, string>;
};

/**
 * The tenant-conf.json to upload into APIM: the imported document with the current mapping in
 * WSO2's shape. A RoleMappings value lists the key itself first, then its aliases, as WSO2 writes it.
 */
export async function exportTenantConf(client: Db, tenantId: number): Promise<TenantConfDocument & TenantConfFragment> {
  return composeTenantConf(await readTenantConfDocument(client, tenantId), await exportMapping(client, tenantId));
}

async function exportMapping(client: Db, tenantId: number): Promise<TenantConfFragment> {
  const state = await loadMappingState(client, tenantId);
  const targets = sortedRoleNames(state, new Set(state.aliases.map((a) => a.roleId)));
  const byTarget = new Map<string, number[]>();
  for (const a of state.aliases)
    byTarget.set(roleName(state, a.roleId), [...(byTarget.get(roleName(state, a.roleId)) ?? []), a.aliasRoleId]);
  return {
    RESTAPIScopes: { Scope: state.scopes.map((s) => ({ Name: s.name, Roles: sortedRoleNames(state, s.roleIds).join(",") })) },
    RoleMappings: Object.fromEntries(targets.map((t) => [t, [t, ...sortedRoleNames(state, byTarget.get(t)!)].join(",")])),
  };
}
