import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { featuresMarkdownTable } from "./features-table.ts";

describe("the README", () => {
  it("shows the feature -> permission mapping exactly as the code defines it", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const block = /<!-- features:start -->\n([\s\S]*?)\n<!-- features:end -->/.exec(readme);
    expect(block, "README.md needs a <!-- features:start --> … <!-- features:end --> block").not.toBeNull();
    expect(block![1]).toBe(featuresMarkdownTable());
  });
});
