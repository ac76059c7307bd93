import { encodeCursor } from "../../lib/keyset.ts";

/**
 * Deterministic hostile input for the fuzz spec: the same run every time, so a failure can be
 * replayed. The values are the ones that once reached the database or the framework and failed
 * there (NUL, lone surrogates, U+10FFFF, malformed %-encoding, huge numbers, wrong JSON types,
 * crafted cursors), plus the usual injection and display tricks.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "\u0000",
  "adm\u0000in",
  "\uD800",
  "x\uDC00y",
  "\uDBFF",
  "\u{10FFFF}",
  "\u{10FFFF}*",
  "a\u{10FFFF}*",
  "\uD7FF*",
  "%FF",
  "%",
  "%%",
  "*",
  "**",
  "a_%*",
  "\\",
  '\'; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  "\u202Egnp.exe",
  "\u200B\u200D",
  "Ǆ\u0301",
  "PRIMARY/",
  "/",
  "Internal/everyone",
  "Internal/system",
  "admin",
  "../../etc/passwd",
  "line\r\nbreak",
  "${jndi:ldap://x}",
  "",
  " ",
  "null",
  "-1",
  "0",
  "2147483648",
  "99999999999999999999",
  "1e309",
  "NaN",
  "x".repeat(5000),
  "ü".repeat(300),
];

export const HOSTILE_NUMBERS: readonly number[] = [0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 2, 1e300, -1e300];

export const HOSTILE_JSON: readonly unknown[] = [
  ...HOSTILE_STRINGS.slice(0, 12),
  ...HOSTILE_NUMBERS,
  null,
  true,
  [],
  {},
  [null],
  ["\u0000"],
  { $gt: "" },
  { __proto__: { admin: true } },
  [2 ** 31],
];

const b64 = (s: string) => Buffer.from(s).toString("base64url");

/** Cursors of the wrong shape, types or ranges, and ones that are not cursors at all. */
export const HOSTILE_CURSORS: readonly string[] = [
  "not-a-cursor",
  "%FF",
  b64("[]"),
  b64('{"a":1}'),
  b64('["a",1e300]'),
  encodeCursor([1, "a"]),
  encodeCursor(["a", 2 ** 40]),
  encodeCursor(["\u0000", 1]),
  encodeCursor(["a", -1, 3]),
  b64('["\\ud800",1]'),
];

/** Raw bodies that are not JSON, or not what a JSON parser expects. */
export const HOSTILE_RAW_BODIES: readonly string[] = [
  "",
  "{",
  "null",
  "[]",
  '"\\u0000"',
  "\u0000",
  '{"a":"\\ud800"}',
  "x".repeat(70_000),
  "\uFEFF{}",
];

/** A small seeded generator (mulberry32), so a run picks the same values every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[], count: number): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
  return out;
}

/** Every variant of `sample` with one field (top level, or inside its first array item) replaced. */
export function mutations(sample: Record<string, unknown>, values: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const [key, current] of Object.entries(sample)) {
    for (const value of values) out.push({ ...sample, [key]: value });
    const first = Array.isArray(current) ? current[0] : undefined;
    if (first !== null && typeof first === "object") {
      for (const inner of Object.keys(first)) for (const value of values) out.push({ ...sample, [key]: [{ ...first, [inner]: value }] });
    } else if (first !== undefined) {
      for (const value of values) out.push({ ...sample, [key]: [value] });
    }
  }
  return out;
}
