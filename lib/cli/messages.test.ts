import { afterEach, describe, expect, it, vi } from "vitest";
import { EXIT, EXIT_CODE_HELP } from "./exit-codes.ts";
import { main } from "./main.ts";
import { passwordProblem } from "./password-policy.ts";
import { noMatchMessage } from "./search-hint.ts";

describe("an empty list says what was applied and how -p matches", () => {
  it("names the filters and explains text without *", () => {
    expect(noMatchMessage("users", { pattern: "smith", role: "dev", domain: "LDAP" })).toEqual({
      message: 'No users match: names containing "smith", members of dev, in LDAP.',
      hint: expect.stringContaining("-p matches names that contain the text anywhere"),
    });
  });
  it("explains that a * pattern must match the whole name", () => {
    const { message, hint } = noMatchMessage("roles", { pattern: "smith*" });
    expect(message).toBe('No roles match: names matching "smith*".');
    expect(hint).toContain("'*smith*' contains it");
  });
  it("without -p says so", () => {
    expect(noMatchMessage("users", { domain: "LDAP" })).toEqual({
      message: "No users match: in LDAP.",
      hint: "Hint: without -p every user the other filters allow is listed.",
    });
  });
});

describe("the password policy, checked as the server does", () => {
  const policy = { minLength: 12, maxLength: 64 };
  it("counts code points, not UTF-16 units", () => {
    expect(passwordProblem("😀".repeat(11), policy)).toBe("Use at least 12 characters.");
    expect(passwordProblem("😀".repeat(12), policy)).toBeNull();
    expect(passwordProblem("x".repeat(65), policy)).toBe("Use at most 64 characters.");
  });
});

describe("one form of error message", () => {
  afterEach(() => vi.restoreAllMocks());
  it("writes commander's usage errors as 'Error:' too, exit 2", async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    expect(await main(["node", "gatehouse", "get", "users", "--bogus"])).toBe(EXIT.usage);
    expect(written.join("")).toMatch(/^Error: unknown option '--bogus'/);
    expect(written.join("")).not.toMatch(/^error:/m);
  });
  it("documents check's exit codes: 1 denied, 5 unknown", () => {
    expect(EXIT_CODE_HELP).toMatch(/1 {4}check: not allowed/);
    expect(EXIT_CODE_HELP).toMatch(/5 {4}not found: .*check: no such user, permission or scope/);
  });
});
