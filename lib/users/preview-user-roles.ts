import type { Db } from "../db/client.ts";
import { describePermission } from "../permissions/catalog.ts";
import { diffGrants } from "../permissions/diff.ts";
import { getUser } from "./get-user.ts";

export type UserRolesPreview = { gained: { path: string; name: string }[]; lost: { path: string; name: string }[] };

/** Before Assign Roles saves: the permissions the user would gain and lose. */
export async function previewUserRoles(
  client: Db,
  tenantId: number,
  userId: number,
  change: { add: number[]; remove: number[] },
): Promise<UserRolesPreview> {
  const user = await getUser(client, tenantId, userId);
  const added = await client.roleGrant.findMany({
    where: { roleId: { in: change.add }, role: { tenantId } },
    select: { permission: true },
  });
  const before = user.roles.flatMap((r) => r.grants);
  const after = [...user.roles.filter((r) => !change.remove.includes(r.id)).flatMap((r) => r.grants), ...added.map((g) => g.permission)];
  const { added: gained, removed: lost } = diffGrants(before, after);
  const named = (path: string) => ({ path, name: describePermission(path)?.trail.slice(1).join(" › ") ?? path });
  return { gained: gained.map(named), lost: lost.map(named) };
}
