import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { featuresMarkdownTable } from "./features-table.ts";

describe("docs/console.md", () => {
  it("shows the feature -> permission mapping exactly as the code defines it", () => {
    const doc = fs.readFileSync("docs/console.md", "utf8");
    const block = /<!-- features:start -->\n([\s\S]*?)\n<!-- features:end -->/.exec(doc);
    expect(block, "docs/console.md needs a <!-- features:start --> … <!-- features:end --> block").not.toBeNull();
    expect(block![1]).toBe(featuresMarkdownTable());
  });
});
