import { describe, expect, it } from "vitest";
import { MAX_BATCH, ZAccessBatch } from "../contracts/authz.ts";
import { findMalformedText } from "../http/well-formed.ts";
import { fastAccessBatch } from "./batch-body.ts";

/** What the route's usual path accepts: no malformed text, then the schema; its output, or undefined. */
function usualPath(json: unknown): unknown {
  if (findMalformedText(json) !== null) return undefined;
  const parsed = ZAccessBatch.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

// A seeded generator (mulberry32), so a failure names a case that can be replayed.
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const TEXTS = [
  "alice",
  "PRIMARY/bob",
  "/permission/admin/login",
  "apim:api_view",
  "",
  " ",
  "  carol  ",
  "\tdave\n",
  "a".repeat(255),
  "a".repeat(256),
  ` ${"b".repeat(255)} `,
  ` ${"b".repeat(256)} `,
  "p".repeat(512),
  "p".repeat(513),
  "nul\u0000inside",
  "lone\uD800surrogate",
  "\uDC00",
  "pair\uD83D\uDE00ok",
  "\u00A0nbsp\u2028",
];
const VALID_TEXTS = [
  "alice",
  "PRIMARY/bob",
  "/permission/admin/login",
  "apim:api_view",
  "  carol  ",
  "pair\uD83D\uDE00ok",
  "a".repeat(255),
];
const OTHER_VALUES: unknown[] = [0, 1, true, null, [], {}, ["alice"], { user: "alice" }];
const KEYS = ["user", "permission", "scope", "extra", "User", "nul\u0000key"];

function randomCheck(g: ReturnType<typeof generator>): unknown {
  const shape = g.next();
  if (shape < 0.05) return g.pick(OTHER_VALUES);
  const roll = () => g.next();
  const value = () => {
    const r = roll();
    return r < 0.5 ? g.pick(VALID_TEXTS) : r < 0.9 ? g.pick(TEXTS) : g.pick(OTHER_VALUES);
  };
  // Mostly well-shaped checks with random values, sometimes random key sets.
  if (shape < 0.7) return g.next() < 0.5 ? { user: value(), permission: value() } : { user: value(), scope: value() };
  const check: Record<string, unknown> = {};
  const count = Math.floor(g.next() * 4);
  for (let i = 0; i < count; i++) check[g.pick(KEYS)] = value();
  return check;
}

function randomBody(g: ReturnType<typeof generator>): unknown {
  const shape = g.next();
  if (shape < 0.05) return g.pick([null, 7, "checks", [], [{ user: "alice", permission: "/p" }]]);
  const valid = () => {
    const user = g.pick(VALID_TEXTS);
    return g.next() < 0.5 ? { user, permission: g.pick(VALID_TEXTS) } : { user, scope: g.pick(VALID_TEXTS) };
  };
  // Mostly short batches, now and then one at or past the bound; most checks valid, so that a
  // batch's fate turns on its one or two faults, wherever they are.
  const length = g.next() < 0.03 ? g.pick([MAX_BATCH, MAX_BATCH + 1]) : g.pick([0, 1, 2, 3, 4, 6]);
  const checks = Array.from({ length }, () => (g.next() < 0.85 ? valid() : randomCheck(g)));
  if (shape < 0.1) return { checks, extra: 1 };
  if (shape < 0.13) return { check: checks };
  if (shape < 0.16) return { checks: checks[0] ?? "none" };
  return { checks };
}

describe("fastAccessBatch against ZAccessBatch", () => {
  it("accepts exactly what the usual path accepts, with the same output, on a fuzzed set", () => {
    const g = generator(20261130);
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 6000; n++) {
      // Through JSON, as a request body arrives (a key like __proto__ becomes an own key there).
      const json: unknown = JSON.parse(JSON.stringify(randomBody(g)));
      const expected = usualPath(json);
      const fast = fastAccessBatch(json);
      expect(fast, `case ${n}: ${JSON.stringify(json).slice(0, 300)}`).toStrictEqual(expected);
      if (expected === undefined) refused++;
      else accepted++;
    }
    // Both sides of the boundary must be well covered, or the comparison proves little.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });

  it("leaves bodies with inherited or prototype keys to the schema", () => {
    for (const text of [
      '{"checks":[{"user":"a","permission":"/p"}],"__proto__":{"x":1}}',
      '{"checks":[{"user":"a","permission":"/p","__proto__":{}}]}',
      '{"__proto__":{"checks":[{"user":"a","permission":"/p"}]}}',
    ]) {
      const json: unknown = JSON.parse(text);
      expect(fastAccessBatch(json)).toStrictEqual(usualPath(json));
    }
    const inherited = Object.create({ extra: 1 }) as Record<string, unknown>;
    inherited.checks = [{ user: "a", permission: "/p" }];
    expect(fastAccessBatch(inherited)).toBeUndefined();
  });

  it("trims the user as the schema does, and keeps the check's kind", () => {
    expect(
      fastAccessBatch({
        checks: [
          { user: "  alice ", scope: "apim:api_view" },
          { user: "bob", permission: "/p" },
        ],
      }),
    ).toStrictEqual({
      checks: [
        { user: "alice", scope: "apim:api_view" },
        { user: "bob", permission: "/p" },
      ],
    });
  });
});
