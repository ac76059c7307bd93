/**
 * Who may get a new mapping: an existing role, not Internal/system, with no mapping yet
 * ("Permission mapping exist", as APIM says). createScopeMapping asks it under its lock; the
 * wizard asks it early, so step 1 can stop before step 2 opens.
 *
 *   checkMappingRole(db, tenantId, "creator") // { role: "creator" } or throws AppError
 */
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { findRoleByName, type RoleRef } from "../roles/find-role.ts";
import { hasMapping, loadMappingState, type MappingState } from "./mapping-state.ts";

export async function requireUnmappedRole(
  client: Pick<Db | Tx, "role">,
  tenantId: number,
  name: string,
  state: MappingState,
): Promise<RoleRef> {
  const role = await findRoleByName(client, tenantId, name);
  if (!role) throw new AppError("NOT_FOUND", `There is no role named "${name}". Create the role first, then map it.`, { field: "role" });
  if (role.kind === "system") throw new AppError("INVALID_INPUT", "Internal/system is reserved.", { field: "role" });
  if (hasMapping(state, role.id)) throw new AppError("CONFLICT", "Permission mapping exist", { field: "role" });
  return role;
}

export async function checkMappingRole(client: Db, tenantId: number, name: string): Promise<{ role: string }> {
  const role = await requireUnmappedRole(client, tenantId, name, await loadMappingState(client, tenantId));
  return { role: role.qualified };
}

/**
 * The matrix's "Add role column": any existing role but Internal/system and Internal/everyone (which has its own column
 * where it is used).
 */
export async function findMatrixRole(client: Db, tenantId: number, name: string): Promise<{ name: string }> {
  const role = await findRoleByName(client, tenantId, name);
  if (!role) throw new AppError("NOT_FOUND", `There is no role named "${name}".`, { field: "role" });
  if (role.kind === "system") throw new AppError("INVALID_INPUT", "Internal/system is reserved.", { field: "role" });
  if (role.kind === "everyone")
    throw new AppError("INVALID_INPUT", "Internal/everyone is every user; it already has its own column where it is used.", {
      field: "role",
    });
  return { name: role.qualified };
}
