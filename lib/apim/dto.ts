/**
 * APIM admin v4 bodies for system scopes and role aliases, and the conversions from the
 * lib/scopes reads. `count` is accepted and ignored on input (APIM clients send it), and a
 * scope's description and tag are read-only: a PUT changes roles only. Names are checked with the
 * scope commands' own pieces, so the body, parsed once, is what the command takes.
 */
import { z } from "zod";
import type { RoleAliasList, ScopeList } from "../scopes/list-scopes.ts";
import { ZRoleName, ZScopeName } from "../scopes/mapping-input.ts";

export const ZScopeListBody = z.object({
  count: z.number().int().min(0).optional(),
  list: z
    .array(
      z.object({ name: ZScopeName, description: z.string().optional(), tag: z.string().optional(), roles: z.array(ZRoleName).max(1000) }),
    )
    .max(1000),
});

export const ZRoleAliasListBody = z.object({
  count: z.number().int().min(0).optional(),
  list: z.array(z.object({ role: ZRoleName, aliases: z.array(ZRoleName).max(1000) })).max(1000),
});

export type ScopeListDTO = { count: number; list: { name: string; description: string; tag: string; roles: string[] }[] };
export type RoleAliasListDTO = { count: number; list: { role: string; aliases: string[] }[] };

export function toScopeListDTO(scopes: ScopeList): ScopeListDTO {
  const list = scopes.scopes.map((s) => ({ name: s.name, description: s.description, tag: s.tag, roles: s.roles }));
  return { count: list.length, list };
}

export function toRoleAliasListDTO(aliases: RoleAliasList): RoleAliasListDTO {
  return { count: aliases.list.length, list: aliases.list };
}
