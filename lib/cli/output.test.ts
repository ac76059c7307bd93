import { describe, expect, it } from "vitest";
import { safe, toSafeJson } from "./output.ts";
import { renderTable } from "./table.ts";

const HOSTILE = "a\u001b[2Jb\u009b31mc\u202ed\nx\u2028y";

describe("CLI output of hostile names", () => {
  it("escapes control, C1, bidi and line-separator characters and keeps the rest", () => {
    expect(safe(HOSTILE)).toBe("a\\u001b[2Jb\\u009b31mc\\u202ed\\u000ax\\u2028y");
    expect(safe(`<script>"o'x" 名前 ü`)).toBe(`<script>"o'x" 名前 ü`);
  });

  it("JSON stays the same value but carries no raw terminal or bidi characters", () => {
    const text = toSafeJson({ role: HOSTILE });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f\u202e\u2028]/);
    expect(JSON.parse(text)).toEqual({ role: HOSTILE });
  });

  it("tables escape cells and headers alike", () => {
    const table = renderTable([`USERS IN ${HOSTILE}`], [[HOSTILE], ["plain"]]);
    expect(table).not.toContain("\u001b");
    expect(table.split("\n")).toEqual([`USERS IN ${safe(HOSTILE)}`, safe(HOSTILE), "plain", ""]);
  });
});
