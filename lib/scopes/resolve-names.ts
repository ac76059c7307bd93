/**
 * Names in requests become ids here. Roles resolve as WSO2 does (bare = PRIMARY, domain and
 * name ignoring case) through lib/roles/find-role.ts; scopes match their exact name. Strict
 * writes refuse unknown names; the import reports them instead (see plan-import.ts).
 */
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { findRolesByName, type RoleRef } from "../roles/find-role.ts";
import type { MappingState } from "./mapping-state.ts";

/** Resolves role names and remembers them in the state so changes can be named; the map is keyed by the name as given. */
export async function resolveRoles(
  client: Pick<Db | Tx, "role">,
  state: MappingState,
  names: readonly string[],
): Promise<Map<string, RoleRef>> {
  const found = await findRolesByName(client, state.tenantId, [...new Set(names)]);
  for (const ref of found.values()) state.roles.set(ref.id, { id: ref.id, name: ref.qualified, kind: ref.kind });
  return found;
}

/** Like resolveRoles, but any unknown name is an INVALID_INPUT naming it. */
export async function requireRoles(
  client: Pick<Db | Tx, "role">,
  state: MappingState,
  names: readonly string[],
  field: string,
): Promise<Map<string, RoleRef>> {
  const found = await resolveRoles(client, state, names);
  const unknown = [...new Set(names)].filter((n) => !found.has(n));
  if (unknown.length > 0) {
    const label = unknown.length === 1 ? `Unknown role: "${unknown[0]}".` : `Unknown roles: ${unknown.map((n) => `"${n}"`).join(", ")}.`;
    throw new AppError("INVALID_INPUT", label, { field, roles: unknown });
  }
  return found;
}

/** Scope ids by exact name; any unknown name is an INVALID_INPUT naming it. */
export function requireScopes(state: MappingState, names: readonly string[], field: string): Map<string, number> {
  const byName = new Map(state.scopes.map((s) => [s.name, s.id]));
  const unknown = [...new Set(names)].filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    const label = unknown.length === 1 ? `Unknown scope: "${unknown[0]}".` : `Unknown scopes: ${unknown.map((n) => `"${n}"`).join(", ")}.`;
    throw new AppError("INVALID_INPUT", label, { field, scopes: unknown });
  }
  return new Map(names.map((n) => [n, byName.get(n)!]));
}
