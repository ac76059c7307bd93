/**
 * APIM admin v4 answers for system scopes and role aliases, converted from the lib/scopes
 * reads. Their documented shapes (ZScopeList, ZRoleAliasList) and the request bodies are in
 * lib/contracts/apim-admin.ts.
 */
import type { RoleAliasList, ScopeList } from "../scopes/list-scopes.ts";

export type ScopeListDTO = { count: number; list: { name: string; description: string; tag: string; roles: string[] }[] };
export type RoleAliasListDTO = { count: number; list: { role: string; aliases: string[] }[] };

export function toScopeListDTO(scopes: ScopeList): ScopeListDTO {
  const list = scopes.scopes.map((s) => ({ name: s.name, description: s.description, tag: s.tag, roles: s.roles }));
  return { count: list.length, list };
}

export function toRoleAliasListDTO(aliases: RoleAliasList): RoleAliasListDTO {
  return { count: aliases.list.length, list: aliases.list };
}
