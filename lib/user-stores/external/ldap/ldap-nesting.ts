import { MAX_GROUP_NESTING } from "../settings.ts";

/**
 * Nested groups, resolved from what one pass over the groups read (no query per group or
 * member): `direct` holds each group's own user members, `nested` the groups each group holds
 * as members (both keyed by lower-cased DN). A group's members are its own and those of every
 * group reachable through `nested` within `depth` links; a cycle is walked once.
 */
export function withNestedMembers(
  direct: ReadonlyMap<string, readonly string[]>,
  nested: ReadonlyMap<string, readonly string[]>,
  depth = MAX_GROUP_NESTING,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [group, own] of direct) {
    const members = new Set(own);
    const seen = new Set([group]);
    let frontier = [group];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const outer of frontier) {
        for (const inner of nested.get(outer) ?? []) {
          if (seen.has(inner)) continue;
          seen.add(inner);
          next.push(inner);
          for (const member of direct.get(inner) ?? []) members.add(member);
        }
      }
      frontier = next;
    }
    out.set(group, [...members]);
  }
  return out;
}

/** Inverts child -> parents links (a group's memberOf) into parent -> children, the shape withNestedMembers takes. */
export function childrenOf(parents: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [child, outers] of parents) {
    for (const outer of outers) {
      const list = children.get(outer);
      if (list) list.push(child);
      else children.set(outer, [child]);
    }
  }
  return children;
}
