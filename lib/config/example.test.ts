import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./load.ts";

describe("gatehouse.example.toml", () => {
  it("is valid and states the real defaults", () => {
    expect(parseConfig(fs.readFileSync("gatehouse.example.toml", "utf8"))).toEqual(parseConfig(""));
  });
});
