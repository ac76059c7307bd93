import { describe, expect, it } from "vitest";
import { parseNamePattern, toLike } from "./name-pattern.ts";

describe("WSO2 search patterns", () => {
  it("lists everyone for an empty pattern or a lone star", () => {
    expect(parseNamePattern("")).toEqual({ kind: "all" });
    expect(parseNamePattern(" ** ")).toEqual({ kind: "all" });
  });
  it("matches a name without a star exactly, ignoring case", () => {
    expect(parseNamePattern("Admin")).toEqual({ kind: "exact", key: "admin" });
  });
  it("turns a trailing star into a prefix search", () => {
    expect(parseNamePattern("Ad*")).toEqual({ kind: "prefix", prefix: "ad" });
  });
  it("turns other stars into LIKE wildcards and escapes LIKE's own", () => {
    expect(parseNamePattern("*smith")).toEqual({ kind: "like", key: "*smith", like: "%smith" });
    expect(toLike("a_b%c*")).toBe("a\\_b\\%c%");
  });
});
