/**
 * Step 1 of "Add role permission": may this role get a new mapping? The same checks
 * createRoleMapping makes again under its lock, asked early so the wizard can stop at step 1.
 *
 *   checkMappingRole(db, tenantId, "creator") // { role: "creator" } or throws AppError
 */
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { findRoleByName } from "../roles/find-role.ts";

export async function checkMappingRole(client: Db, tenantId: number, name: string): Promise<{ role: string }> {
  const role = await findRoleByName(client, tenantId, name);
  if (!role) throw new AppError("NOT_FOUND", `There is no role named "${name}". Create the role first, then map it.`, { field: "role" });
  if (role.kind === "system") throw new AppError("INVALID_INPUT", "Internal/system is reserved.", { field: "role" });
  const [onScope, alias] = await Promise.all([
    client.scopeRole.findFirst({ where: { roleId: role.id, scope: { tenantId } }, select: { roleId: true } }),
    client.roleAlias.findFirst({ where: { aliasRoleId: role.id, role: { tenantId } }, select: { roleId: true } }),
  ]);
  if (onScope || alias) throw new AppError("CONFLICT", "Permission mapping exist", { field: "role" });
  return { role: role.qualified };
}
