import type { Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { RoleNameColumns } from "../stores/look-alike.ts";

/**
 * Compare-and-increment: fails when someone saved the role after the editor loaded it, so
 * their change is never silently overwritten.
 */
export async function bumpRoleVersion(
  tx: Pick<Tx, "role">,
  tenantId: number,
  id: number,
  version: number,
  data: Partial<RoleNameColumns> = {},
): Promise<void> {
  const { count } = await tx.role.updateMany({ where: { id, tenantId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1)
    throw new AppError("STALE_VERSION", "Someone else changed this role after you opened it. Reload to see their change, then try again.");
}
