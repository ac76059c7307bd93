import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { openapiTexts } from "./documents.ts";

describe("public/openapi/*.json", () => {
  it.each(Object.entries(openapiTexts()))("%s is what the contracts generate (run `npm run openapi`)", (file, text) => {
    expect(fs.readFileSync(file, "utf8")).toBe(text);
  });
});
