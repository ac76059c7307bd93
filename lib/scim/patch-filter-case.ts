/**
 * Value filters in PATCH paths (`emails[type eq "Work"].value`) compared as RFC 7643 says for
 * sub-attributes whose caseExact is false (every string sub-attribute of a User's multi-valued
 * attributes): case-insensitively. scim-patch (through scim2-parse-filter) compares exactly, so
 * each `eq`, `ne`, `co`, `sw`, `ew` on such a sub-attribute is rewritten to the spellings the
 * resource holds that match it ignoring case: `eq` becomes `type eq "work"` (or an `or` of each
 * spelling), `ne` an `and` of `ne`. Nothing matching: the filter is left as sent.
 */
import { parse, stringify, type Filter } from "scim2-parse-filter";

type Compare = Extract<Filter, { compValue: unknown }>;

// The path's `name[filter]` segments; quoted filter values may hold "]".
const VALUE_PATH = /([A-Za-z_$][A-Za-z0-9_$]*)\[((?:"(?:[^"\\]|\\.)*"|[^\]"])*)\]/g;

const MATCHES: Record<string, (held: string, sent: string) => boolean> = {
  eq: (h, s) => h === s,
  ne: (h, s) => h === s,
  co: (h, s) => h.includes(s),
  sw: (h, s) => h.startsWith(s),
  ew: (h, s) => h.endsWith(s),
};

// scim2-parse-filter reads only `\"` as an escape, so a value with a backslash or a control
// character would not survive stringify and parse: such filters are left as sent.
const SAFE = (s: string) => !/[\\\u0000-\u001f]/.test(s);

function field(item: unknown, sub: string): unknown {
  if (typeof item !== "object" || item === null) return undefined;
  const key = Object.keys(item).find((k) => k.toLowerCase() === sub.toLowerCase());
  return key === undefined ? undefined : (item as Record<string, unknown>)[key];
}

function rewrite(f: Filter, items: readonly unknown[], caseExact: (sub: string) => boolean): Filter {
  if (f.op === "and" || f.op === "or") return { ...f, filters: f.filters.map((x) => rewrite(x, items, caseExact)) };
  if (f.op === "not") return { ...f, filter: rewrite(f.filter, items, caseExact) };
  const test = MATCHES[f.op];
  if (!test || !("compValue" in f) || typeof f.compValue !== "string" || caseExact(f.attrPath)) return f;
  const sent = f.compValue.toLowerCase();
  const held = [...new Set(items.map((i) => field(i, f.attrPath)).filter((v): v is string => typeof v === "string"))];
  const spellings = held.filter((h) => test(h.toLowerCase(), sent) && SAFE(h));
  if (spellings.length === 0) return f;
  const each = spellings.map((s): Compare => ({ op: f.op === "ne" ? "ne" : "eq", attrPath: f.attrPath, compValue: s }));
  return each.length === 1 ? each[0]! : { op: f.op === "ne" ? "and" : "or", filters: each };
}

/**
 * `path` with its value filters' case-insensitive comparisons spelt as `resource` holds the
 * values; `caseExact(attribute, sub)` names the sub-attributes compared exactly.
 */
export function caseInsensitiveFilters(path: string, resource: object, caseExact: (attribute: string, sub: string) => boolean): string {
  return path.replace(VALUE_PATH, (whole, name: string, text: string) => {
    const items = (resource as Record<string, unknown>)[name];
    if (!Array.isArray(items)) return whole;
    let parsed: Filter;
    try {
      parsed = parse(text);
    } catch {
      return whole; // scim-patch answers the bad filter itself.
    }
    const rewritten = rewrite(parsed, items, (sub) => caseExact(name, sub));
    if (rewritten === parsed || !SAFE(text)) return whole;
    const out = stringify(rewritten);
    return out === stringify(parsed) ? whole : `${name}[${out}]`;
  });
}
