// An audit event's before and after as the details view shows them: one line per field that
// either side has, nested objects flattened to dotted paths, lists compared item by item.
// Pure and client-safe.

export type FieldDiff = {
  path: string;
  kind: "added" | "removed" | "changed" | "same";
  before?: string;
  after?: string;
  /** For lists of plain values: the items only one side has. */
  addedItems?: string[];
  removedItems?: string[];
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parse(text: string | null): Json | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === "object" && v !== null && !Array.isArray(v);
const isPlainList = (v: Json | undefined): v is (string | number | boolean | null)[] =>
  Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null);
const show = (v: Json): string => (typeof v === "string" ? v : isPlainList(v) ? v.map(String).join(", ") : JSON.stringify(v, null, 2));

/** Path → value, objects opened up; lists and scalars are leaves. A bare value sits at path "value". */
function flatten(value: Json | undefined, prefix = "", out = new Map<string, Json>()): Map<string, Json> {
  if (value === undefined) return out;
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix || "value", value);
  return out;
}

/** Every field of either side, in the order it first appears (before's fields, then after's new ones). */
export function diffChange(beforeText: string | null, afterText: string | null): FieldDiff[] {
  const before = flatten(parse(beforeText));
  const after = flatten(parse(afterText));
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  return paths.map((path): FieldDiff => {
    const b = before.get(path);
    const a = after.get(path);
    if (!before.has(path)) return { path, kind: "added", after: show(a!) };
    if (!after.has(path)) return { path, kind: "removed", before: show(b!) };
    const same = JSON.stringify(b) === JSON.stringify(a);
    const diff: FieldDiff = { path, kind: same ? "same" : "changed", before: show(b!), after: show(a!) };
    if (!same && isPlainList(b) && isPlainList(a)) {
      const bs = new Set(b.map(String));
      const as = new Set(a.map(String));
      diff.addedItems = [...as].filter((x) => !bs.has(x));
      diff.removedItems = [...bs].filter((x) => !as.has(x));
    }
    return diff;
  });
}
