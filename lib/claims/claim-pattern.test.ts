import { describe, expect, it } from "vitest";
import { ZAddClaimForm } from "./claim-input.ts";
import { claimValueError } from "./profile-rules.ts";

const rule = (regEx: string) => ({ uri: "http://wso2.org/claims/code", displayName: "Code", regEx, required: false, readOnly: false });
const form = { uri: "http://wso2.org/claims/code", displayName: "Code", description: "", displayOrder: "1" };

// Claim patterns run on RE2 (lib/claims/claim-pattern.ts): linear in the value, whatever the pattern.
describe("claim patterns", () => {
  it("refuses what RE2 cannot read when an admin saves a claim: lookaround, back-references, broken syntax", () => {
    for (const regEx of ["(?=a)b", "(?<!x)y", "(a)\\1", "([a-z"]) {
      const parsed = ZAddClaimForm.safeParse({ ...form, regEx });
      expect(parsed.success, regEx).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(
        "Enter a regular expression in RE2 syntax (no lookaround or back-references), or leave it empty.",
      );
    }
    expect(ZAddClaimForm.safeParse({ ...form, regEx: "^[A-Z]{2}\\d+$" }).success).toBe(true);
    expect(ZAddClaimForm.safeParse({ ...form, regEx: "" }).success).toBe(true);
  });

  it("checks values as RegExp.test does (a match anywhere), with Java's ASCII \\s", () => {
    expect(claimValueError(rule("^E\\d{4}$"), "E1234")).toBeNull();
    expect(claimValueError(rule("^E\\d{4}$"), "E12345")).toBe("Code must match ^E\\d{4}$.");
    expect(claimValueError(rule("\\d"), "abc1")).toBeNull();
    expect(claimValueError(rule("^\\p{L}+$"), "Ünïcödé")).toBeNull();
    // A no-break space is not white space to Java or RE2 (JavaScript's `u` RegExp says it is).
    expect(claimValueError(rule("^\\S+$"), "a\u00a0b")).toBeNull();
  });

  it("answers a pattern that backtracking engines take exponential time over, on a value of the longest length", () => {
    expect(claimValueError(rule("(a+)+$"), `${"a".repeat(1023)}!`)).toBe("Code must match (a+)+$.");
    expect(claimValueError(rule("^(\\w+\\s?)*$"), `${"word ".repeat(200)}!`)).toBe("Code must match ^(\\w+\\s?)*$.");
  });

  it("lets a stored pattern RE2 cannot read constrain nothing, as before the check at save existed", () => {
    expect(claimValueError(rule("(?=x)"), "anything")).toBeNull();
  });
});
