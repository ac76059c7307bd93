/** A path and every ancestor of it: the grants that would cover it. */
export function selfAndAncestors(path: string): string[] {
  const parts = path.split("/").filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join("/")}`);
}
