import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_CATEGORIES } from "./actions.ts";

describe("audit actions", () => {
  it("are unique, and the audit filter offers a category for every one", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    const categories = Object.keys(AUDIT_CATEGORIES).filter(Boolean);
    for (const action of AUDIT_ACTIONS)
      expect(
        categories.some((c) => action.startsWith(c)),
        action,
      ).toBe(true);
    expect(categories).toContain("scopes.");
  });
});
