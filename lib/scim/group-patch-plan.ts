/**
 * A Group PATCH's member operations as sets of user ids, so that adding to or removing from a
 * large role never loads its member list: the forms clients send (RFC 7644 3.5.2.1-3.5.2.3,
 * Azure AD's `remove members` with a value list, WSO2's `members[value eq "7"]`). The other
 * operations (displayName) are kept for applyScimPatch; a member form not understood here
 * answers null, and the caller patches the whole resource instead.
 */
import { parse, type Filter } from "scim2-parse-filter";
import type { TScimPatchOp } from "../contracts/scim.ts";
import { CORE_GROUP } from "./attribute-map.ts";
import { scimError } from "./scim-error.ts";

type Operation = TScimPatchOp["Operations"][number];

/** `replace`: the member list becomes this set (later adds and removes edit it); otherwise `add` and `remove` are disjoint. */
export type MemberPlan = { replace: Set<string> | null; add: Set<string>; remove: Set<string>; touched: boolean };

const PREFIX = `${CORE_GROUP.toLowerCase()}:`;
const attributeOf = (path: string) => (path.toLowerCase().startsWith(PREFIX) ? path.slice(PREFIX.length) : path);

/** The `value`s of a members value: an array of {value}, or one {value}. */
function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((m) => {
    const v = typeof m === "object" && m !== null ? (m as { value?: unknown }).value : undefined;
    if (typeof v !== "string" && typeof v !== "number")
      throw scimError("invalidValue", "Each member is an object with a value (the user's id).");
    return String(v);
  });
}

/** The ids a `members[...]` filter names, when it is `value eq "…"` joined by `or`; otherwise null. */
function filterIds(filter: Filter): string[] | null {
  if (filter.op === "eq" && "attrPath" in filter && filter.attrPath.toLowerCase() === "value" && "compValue" in filter) {
    return typeof filter.compValue === "string" || typeof filter.compValue === "number" ? [String(filter.compValue)] : null;
  }
  if (filter.op === "or" && "filters" in filter) {
    const ids = filter.filters.map(filterIds);
    return ids.every((x) => x !== null) ? (ids as string[][]).flat() : null;
  }
  return null;
}

/** Later operations win: an id added then removed ends removed, and the reverse. */
function move(plan: MemberPlan, ids: readonly string[], into: "add" | "remove") {
  const [to, from] = into === "add" ? [plan.add, plan.remove] : [plan.remove, plan.add];
  for (const id of ids) {
    if (plan.replace && into === "add") plan.replace.add(id);
    else if (plan.replace) plan.replace.delete(id);
    else {
      to.add(id);
      from.delete(id);
    }
  }
}

/** One operation on `members` itself: path "members", or the members key of a no-path value. */
function onMembers(plan: MemberPlan, op: Operation["op"], value: unknown): void {
  plan.touched = true;
  if (op === "add") move(plan, memberIds(value), "add");
  else if (op === "replace") plan.replace = new Set(memberIds(value));
  else if (value === undefined) plan.replace = new Set();
  else move(plan, memberIds(value), "remove");
}

/** The member plan and the remaining operations, or null when a member operation needs the whole resource. */
export function planGroupPatch(operations: TScimPatchOp["Operations"]): { plan: MemberPlan; rest: Operation[] } | null {
  const plan: MemberPlan = { replace: null, add: new Set(), remove: new Set(), touched: false };
  const rest: Operation[] = [];
  for (const operation of operations) {
    const { op, path, value } = operation;
    if (path === undefined) {
      if (typeof value !== "object" || value === null || Array.isArray(value))
        throw scimError("invalidValue", "A no-path value is an object.");
      const entries = Object.entries(value);
      for (const [key, v] of entries) if (key.toLowerCase() === "members") onMembers(plan, op, v);
      const others = entries.filter(([key]) => key.toLowerCase() !== "members");
      if (others.length > 0) rest.push({ op, value: Object.fromEntries(others) });
      continue;
    }
    const attribute = attributeOf(path);
    if (attribute.toLowerCase() === "members") {
      onMembers(plan, op, value);
      continue;
    }
    if (!/^members\b/i.test(attribute)) {
      rest.push(operation);
      continue;
    }
    let parsed: Filter;
    try {
      parsed = parse(attribute);
    } catch {
      return null;
    }
    const ids = op === "remove" && parsed.op === "[]" && parsed.attrPath.toLowerCase() === "members" ? filterIds(parsed.valFilter) : null;
    if (!ids) return null;
    plan.touched = true;
    move(plan, ids, "remove");
  }
  return { plan, rest };
}
