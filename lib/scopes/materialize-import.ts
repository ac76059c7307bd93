/**
 * The part of an import's apply that creates what the plan only named: the scopes it adds to
 * the catalog and the alias roles it creates (plan-import.ts gives them negative placeholder
 * ids). Runs inside the apply's transaction, after the plan was checked against the preview;
 * returns the plan's changes with the real ids, for write-mapping.ts to write.
 */
import type { Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { nameKey } from "../core/domains.ts";
import type { MappingState } from "./mapping-state.ts";
import type { ImportPlan } from "./plan-import.ts";
import type { MappingChanges } from "./plan-mapping.ts";

export async function materializeImport(tx: Pick<Tx, "apiScope" | "role">, state: MappingState, plan: ImportPlan): Promise<MappingChanges> {
  const scopeIds = new Map<number, number>();
  for (const scope of plan.newScopes) {
    const data = { tenantId: state.tenantId, name: scope.name, description: scope.description, tag: scope.tag };
    const row = await tx.apiScope.create({ data, select: { id: true } }).catch(raced);
    scopeIds.set(scope.id, row.id);
    const entry = state.scopes.find((s) => s.id === scope.id);
    if (entry) entry.id = row.id;
  }
  const roleIds = new Map<number, number>();
  for (const role of plan.newRoles) {
    const row = await tx.role
      .create({
        data: { tenantId: state.tenantId, storeId: role.storeId, name: role.name, nameKey: nameKey(role.name), kind: "regular" },
        select: { id: true },
      })
      .catch(raced);
    roleIds.set(role.id, row.id);
    state.roles.set(row.id, { id: row.id, name: role.qualified, kind: "regular" });
  }
  const scope = (id: number) => scopeIds.get(id) ?? id;
  const role = (id: number) => roleIds.get(id) ?? id;
  const pair = (p: { roleId: number; aliasRoleId: number }) => ({ roleId: role(p.roleId), aliasRoleId: role(p.aliasRoleId) });
  return {
    scopes: plan.changes.scopes.map((c) => ({ ...c, scopeId: scope(c.scopeId), added: c.added.map(role), removed: c.removed.map(role) })),
    aliases: { added: plan.changes.aliases.added.map(pair), removed: plan.changes.aliases.removed.map(pair) },
  };
}

/** A scope or role of the same name created since the plan was made: the preview is out of date, not a server fault. */
function raced(error: unknown): never {
  if ((error as { code?: string }).code === "P2002") {
    throw new AppError("STALE_VERSION", "A scope or role the import would create now exists. Preview the file again.");
  }
  throw error;
}
