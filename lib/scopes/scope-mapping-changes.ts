/**
 * The changes that make one role's mapping exactly a given body, shared by create and update:
 * "alias" makes the role an alias of exactly `targets` and takes it off every scope; "custom"
 * puts it on exactly `scopes` and drops its alias rows.
 */
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { TMappingBody } from "./mapping-input.ts";
import type { MappingState } from "./mapping-state.ts";
import { assertAdminKept, diffAliases, diffScopes, type MappingChanges } from "./plan-mapping.ts";
import { requireRoles, requireScopes } from "./resolve-names.ts";

export async function scopeMappingChanges(
  client: Pick<Db | Tx, "role">,
  state: MappingState,
  roleId: number,
  body: TMappingBody,
): Promise<MappingChanges> {
  let wantedScopes = new Set<number>();
  let wantedTargets: number[] = [];
  if (body.mode === "alias") {
    const targets = await requireRoles(client, state, body.targets, "targets");
    wantedTargets = [...new Set([...targets.values()].map((r) => r.id))];
    if (wantedTargets.includes(roleId)) throw new AppError("INVALID_INPUT", "A role cannot be an alias of itself.", { field: "targets" });
  } else {
    wantedScopes = new Set(requireScopes(state, body.scopes, "scopes").values());
  }
  const desired = new Map(
    state.scopes.map((s) => {
      const roles = new Set(s.roleIds);
      if (wantedScopes.has(s.id)) roles.add(roleId);
      else roles.delete(roleId);
      return [s.id, roles] as const;
    }),
  );
  const scopes = diffScopes(state, desired);
  assertAdminKept(state, scopes);
  const aliases = diffAliases(
    state.aliases,
    wantedTargets.map((t) => ({ roleId: t, aliasRoleId: roleId })),
    (p) => p.aliasRoleId === roleId,
  );
  return { scopes, aliases };
}
