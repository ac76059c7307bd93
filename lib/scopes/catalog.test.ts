import { describe, expect, it } from "vitest";
import { seed001ScopeRoles } from "../../testing/seed-001.ts";
import { ADMIN, SCOPE_CATALOG } from "./catalog.ts";

describe("the scope catalog", () => {
  it("equals seed 001's table exactly, every scope and every role", () => {
    const expected = seed001ScopeRoles();
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
