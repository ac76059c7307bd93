import { ALL_PERMISSIONS } from "./catalog.ts";
import { compactGrants, holds } from "./paths.ts";

/** What moving from one set of grants to another adds and removes, as the topmost changed nodes. */
export function diffGrants(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const added = ALL_PERMISSIONS.filter((p) => holds(after, p.path) && !holds(before, p.path)).map((p) => p.path);
  const removed = ALL_PERMISSIONS.filter((p) => holds(before, p.path) && !holds(after, p.path)).map((p) => p.path);
  return { added: compactGrants(added), removed: compactGrants(removed) };
}
