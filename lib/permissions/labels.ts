import { ALL_PERMISSIONS, describePermission } from "./catalog.ts";

/** A node's names from the top, without the root ("All Permissions" would open every trail). */
const trailOf = (path: string) => describePermission(path)?.trail.slice(1) ?? [];

/**
 * Where a name repeats in the tree ("View" six times, "User Management" twice), the fewest
 * ancestor names that tell it apart, e.g. "User Management" for .../usermgt/view. Empty when
 * the name alone is unique.
 */
export const PERMISSION_CONTEXT: ReadonlyMap<string, string> = (() => {
  const trails = ALL_PERMISSIONS.map((p) => ({ path: p.path as string, trail: trailOf(p.path) }));
  const suffix = (trail: string[], n: number) => trail.slice(Math.max(0, trail.length - n)).join(" › ");
  const out = new Map<string, string>();
  for (const { path, trail } of trails) {
    let n = 1;
    while (n < trail.length && trails.filter((t) => suffix(t.trail, n) === suffix(trail, n)).length > 1) n++;
    out.set(path, trail.slice(trail.length - n, -1).join(" › "));
  }
  return out;
})();

/** The node's name, with its telling ancestors in parentheses where the name alone repeats. */
export function permissionLabel(path: string): string {
  const name = describePermission(path)?.name ?? path;
  const context = PERMISSION_CONTEXT.get(path);
  return context ? `${name} (${context})` : name;
}

/** The whole trail below the root, e.g. "Admin Permissions › Monitor › Logs". */
export function permissionTrail(path: string): string {
  return trailOf(path).join(" › ") || (describePermission(path)?.name ?? path);
}
