/**
 * Reads of the whole mapping, for GET /system-scopes, the scope tree of the wizard (grouped by
 * tag), the matrix and the export. Every read returns the mapping `version` to send back.
 *
 *   listScopes(db, tenantId)        // { version, scopes: [{ id, name, description, tag, roles: ["admin", ...] }] }
 *   getScopeMatrix(db, tenantId)    // { version, scopes: [{ ..., roles }], roles: [{ id, name, kind, protected }] }
 *   listRoleAliases(db, tenantId)   // { version, list: [{ role: "Internal/creator", aliases: ["creator"] }] }
 *
 * Roles are WSO2 names (bare for PRIMARY), the admin role first, then by name.
 */
import type { Db } from "../db/client.ts";
import { compareRoleNames, loadMappingState, roleName, sortedRoleNames, type MappingState } from "./mapping-state.ts";

export type ScopeListRow = { id: number; name: string; description: string; tag: string; roles: string[] };
export type ScopeList = { version: number; scopes: ScopeListRow[] };

export function scopeRows(state: MappingState): ScopeListRow[] {
  return state.scopes.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    tag: s.tag,
    roles: sortedRoleNames(state, s.roleIds),
  }));
}

export async function listScopes(client: Db, tenantId: number): Promise<ScopeList> {
  const state = await loadMappingState(client, tenantId);
  return { version: state.version, scopes: scopeRows(state) };
}

/** A matrix column. `protected`: the admin role, whose ticks cannot be cleared. */
export type MatrixRole = { id: number; name: string; kind: string; protected: boolean };
export type ScopeMatrix = ScopeList & { roles: MatrixRole[] };

/** Columns are the roles on at least one scope; to add a column, pick any role and include it in the save. */
export async function getScopeMatrix(client: Db, tenantId: number): Promise<ScopeMatrix> {
  const state = await loadMappingState(client, tenantId);
  const used = new Set(state.scopes.flatMap((s) => [...s.roleIds]));
  const roles = [...used].sort(compareRoleNames(state)).map((id) => ({ ...state.roles.get(id)!, protected: id === state.adminRoleId }));
  return { version: state.version, scopes: scopeRows(state), roles };
}

export type RoleAliasList = { version: number; list: { role: string; aliases: string[] }[] };

export async function listRoleAliases(client: Db, tenantId: number): Promise<RoleAliasList> {
  const state = await loadMappingState(client, tenantId);
  const targets = [...new Set(state.aliases.map((a) => a.roleId))].sort(compareRoleNames(state));
  return {
    version: state.version,
    list: targets.map((t) => ({
      role: roleName(state, t),
      aliases: sortedRoleNames(
        state,
        state.aliases.filter((a) => a.roleId === t).map((a) => a.aliasRoleId),
      ),
    })),
  };
}
