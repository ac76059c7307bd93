import { describe, expect, it } from "vitest";
import { countOf } from "./plural.ts";

describe("countOf", () => {
  it("takes the singular for one only, groups thousands, and accepts an irregular plural", () => {
    expect(countOf(1, "member")).toBe("1 member");
    expect(countOf(0, "member")).toBe("0 members");
    expect(countOf(2, "member")).toBe("2 members");
    expect(countOf(1234567, "event")).toBe("1,234,567 events");
    expect(countOf(1, "role's aliases", "roles' aliases")).toBe("1 role's aliases");
    expect(countOf(3, "role's aliases", "roles' aliases")).toBe("3 roles' aliases");
  });
});
