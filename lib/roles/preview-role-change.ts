import type { Db } from "../db/client.ts";
import { selfAndAncestors } from "../permissions/ancestors.ts";
import { describePermission } from "../permissions/catalog.ts";
import { diffGrants } from "../permissions/diff.ts";
import { compactGrants } from "../permissions/paths.ts";

export type PermissionImpact = { path: string; name: string; users: number };
export type ChangePreview = { added: PermissionImpact[]; removed: PermissionImpact[] };

const label = (path: string) => describePermission(path)?.trail.slice(1).join(" › ") ?? path;

/** Users who do not already hold `path` through some role other than `roleId`. */
function notCoveredElsewhere(roleId: number, path: string) {
  return { memberships: { none: { roleId: { not: roleId }, role: { grants: { some: { permission: { in: selfAndAncestors(path) } } } } } } };
}

/**
 * Before a role's permissions change: each permission added or removed, and how many of the
 * role's members actually gain or lose it (members holding it through another role do not).
 */
export async function previewPermissionChange(
  client: Db,
  roleId: number,
  before: readonly string[],
  after: readonly string[],
): Promise<ChangePreview> {
  const { added, removed } = diffGrants(before, after);
  const impact = (path: string) =>
    client.membership
      .count({ where: { roleId, user: notCoveredElsewhere(roleId, path) } })
      .then((users) => ({ path, name: label(path), users }));
  return { added: await Promise.all(added.map(impact)), removed: await Promise.all(removed.map(impact)) };
}

/**
 * Before a role's members change: for each permission the role carries, how many of the
 * added users gain it and how many of the removed users lose it.
 */
export async function previewMemberChange(
  client: Db,
  tenantId: number,
  roleId: number,
  grants: readonly string[],
  change: { add: number[]; remove: number[] },
): Promise<ChangePreview> {
  const paths = compactGrants(grants);
  const impact = (ids: number[]) => (path: string) =>
    ids.length === 0
      ? Promise.resolve({ path, name: label(path), users: 0 })
      : client.user
          .count({ where: { tenantId, id: { in: ids }, ...notCoveredElsewhere(roleId, path) } })
          .then((users) => ({ path, name: label(path), users }));
  return { added: await Promise.all(paths.map(impact(change.add))), removed: await Promise.all(paths.map(impact(change.remove))) };
}
