/**
 * Tree semantics, as in WSO2: a grant on a node grants every node below it.
 * Paths are compared segment-wise, so "/permission/admin/log" never implies ".../login".
 */
export function implies(granted: string, required: string): boolean {
  return required === granted || required.startsWith(granted.endsWith("/") ? granted : `${granted}/`);
}

export function holds(grants: Iterable<string>, required: string): boolean {
  for (const granted of grants) if (implies(granted, required)) return true;
  return false;
}

/** The grants that matter: drops any path already covered by an ancestor in the same set. */
export function compactGrants(grants: Iterable<string>): string[] {
  const sorted = [...new Set(grants)].sort();
  const kept: string[] = [];
  for (const path of sorted) if (!kept.some((k) => implies(k, path))) kept.push(path);
  return kept;
}
