import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ADMIN, SCOPE_CATALOG } from "./catalog.ts";

/** Parses seed 001's markdown table of default scope -> role mappings. */
function seedTable(): Map<string, string[]> {
  const lines = fs.readFileSync("testing/fixtures/seed-001-scope-roles.md", "utf8").split("\n").filter((l) => l.startsWith("|"));
  const header = lines[0]!.split("|").slice(1, -1).map((c) => c.trim());
  const roles = header.slice(1);
  const table = new Map<string, string[]>();
  for (const line of lines.slice(2)) {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    table.set(cells[0]!, roles.filter((_, i) => cells[i + 1] === "&check;"));
  }
  return table;
}

describe("the scope catalog", () => {
  it("equals seed 001's table exactly, every scope and every role", () => {
    const expected = seedTable();
    expect(expected.size).toBe(47);
    const actual = new Map(SCOPE_CATALOG.map((s) => [s.name as string, s.roles.map((r) => (r === ADMIN ? "admin" : r)).sort()]));
    expect(actual).toEqual(new Map([...expected].map(([name, roles]) => [name, [...roles].sort()])));
  });

  it("describes and tags every scope", () => {
    for (const scope of SCOPE_CATALOG) {
      expect(scope.description, scope.name).not.toBe("");
      expect(["admin", "publisher", "devportal", "analytics"]).toContain(scope.tag);
    }
  });
});
