/**
 * Every route handler, page and server action of app/ is either covered by an isolation test or
 * exempt with a reason (testing/isolation-coverage.ts), so a new one cannot slip past issue #15's matrix.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COVERED, EXEMPT } from "../testing/isolation-coverage.ts";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const METHODS =
  /export (?:const|async function|function) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b|(\w+) as (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;
const EXPORTS = /^export (?:const|async function|function) (\w+)/gm;

/** What app/ serves: "METHOD route.ts" per exported method, each page, each exported server action. */
function inventory(): string[] {
  return files("app").flatMap((file) => {
    const text = readFileSync(file, "utf8");
    if (file.endsWith("/route.ts")) return [...text.matchAll(METHODS)].map((m) => `${m[1] ?? m[3]} ${file}`);
    if (file.endsWith("/page.tsx")) return [file];
    if (/^["']use server["']/m.test(text)) return [...text.matchAll(EXPORTS)].map((m) => `${file}#${m[1]}`);
    return [];
  });
}

describe("isolation inventory", () => {
  const served = inventory();

  it("finds the routes, pages and actions", () => {
    expect(served).toContain("GET app/api/v1/users/route.ts");
    expect(served).toContain("app/(console)/users/[id]/page.tsx");
    expect(served).toContain("app/(console)/users/[id]/actions.ts#disableUserAction");
  });

  it("names every one as covered by the matrix or exempt with a reason", () => {
    expect(served.filter((k) => !(k in COVERED) && !(k in EXEMPT))).toEqual([]);
  });

  it("holds nothing app/ no longer serves, and nothing both covered and exempt", () => {
    const known = new Set(served);
    expect([...Object.keys(COVERED), ...Object.keys(EXEMPT)].filter((k) => !known.has(k))).toEqual([]);
    expect(Object.keys(COVERED).filter((k) => k in EXEMPT)).toEqual([]);
    expect(Object.values(EXEMPT).filter((reason) => reason.length < 10)).toEqual([]);
  });
});
