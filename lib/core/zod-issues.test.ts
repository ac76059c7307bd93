import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues, fieldErrors, issuePath } from "./zod-issues.ts";

const ZBody = z.object({ name: z.string().min(2, "Too short."), roles: z.array(z.string().min(1, "Empty role.")) });
const ZWhole = z.object({}).refine(() => false, "Refused.");

describe("zod issue formatting", () => {
  it("names each issue's path for APIs and the CLI, and groups messages by field for forms", () => {
    const error = ZBody.safeParse({ name: "a", roles: ["ok", ""] }).error!;
    expect(issuePath(["roles", 2, "name"])).toBe("roles[2].name");
    expect(describeIssues(error)).toBe("name: Too short.; roles[1]: Empty role.");
    expect(fieldErrors(error)).toEqual({ name: ["Too short."], roles: ["Empty role."] });
    const whole = ZWhole.safeParse({}).error!;
    expect(describeIssues(whole)).toBe("Refused.");
    expect(fieldErrors(whole)).toEqual({});
  });
});
