/**
 * "These scopes have exactly these roles": the body of the matrix save, PUT /system-scopes and
 * their previews. Scopes not listed keep their roles. Unknown scopes and roles, a scope listed
 * twice, and taking the admin role off a scope are all refused, so a body applies whole or not at all.
 */
import { z } from "zod";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { ZMappingVersion, ZRoleNameList, ZScopeName } from "./mapping-input.ts";
import type { MappingState } from "./mapping-state.ts";
import { assertAdminKept, diffScopes, type ScopeChange } from "./plan-mapping.ts";
import { requireRoles, requireScopes } from "./resolve-names.ts";

export const ZScopeRoles = z.object({ name: ZScopeName, roles: ZRoleNameList });
export const ZScopeRolesChange = z.object({
  /** Omitted only by the APIM-compatible PUT, whose contract is last-write-wins. */
  version: ZMappingVersion.optional(),
  scopes: z.array(ZScopeRoles).max(1000),
});
export type TScopeRolesChange = z.infer<typeof ZScopeRolesChange>;

export async function scopeRolesChanges(
  client: Pick<Db | Tx, "role">,
  state: MappingState,
  scopes: TScopeRolesChange["scopes"],
): Promise<ScopeChange[]> {
  const seen = new Map<string, number>();
  scopes.forEach((s, i) => {
    if (seen.has(s.name))
      throw new AppError("INVALID_INPUT", `scopes[${i}].name: "${s.name}" is listed twice.`, {
        field: "scopes",
        path: `scopes[${i}].name`,
      });
    seen.set(s.name, i);
  });
  const scopeIds = requireScopes(
    state,
    scopes.map((s) => s.name),
    "scopes",
  );
  const roles = await requireRoles(
    client,
    state,
    scopes.flatMap((s) => s.roles),
    "roles",
  );
  const desired = new Map(scopes.map((s) => [scopeIds.get(s.name)!, new Set(s.roles.map((r) => roles.get(r)!.id))]));
  const changes = diffScopes(state, desired);
  assertAdminKept(state, changes);
  return changes;
}
