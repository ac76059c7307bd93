import { describe, expect, it } from "vitest";
import { compactGrants, holds, implies } from "./paths.ts";

describe("permission paths", () => {
  it("grants a node's descendants", () => {
    expect(implies("/permission/admin/manage", "/permission/admin/manage/api/create")).toBe(true);
    expect(implies("/permission", "/permission/protected/server-admin")).toBe(true);
  });

  it("compares whole segments, not prefixes of names", () => {
    expect(implies("/permission/admin/log", "/permission/admin/login")).toBe(false);
    expect(implies("/permission/admin/manage/api/create", "/permission/admin/manage/api")).toBe(false);
  });

  it("holds when any grant covers the path", () => {
    expect(holds(["/permission/admin/login", "/permission/admin/monitor"], "/permission/admin/monitor/logs")).toBe(true);
    expect(holds([], "/permission/admin/login")).toBe(false);
  });

  it("compacts grants covered by an ancestor", () => {
    expect(
      compactGrants([
        "/permission/admin/manage/api/create",
        "/permission/admin/manage",
        "/permission/admin/login",
        "/permission/admin/manage",
      ]),
    ).toEqual(["/permission/admin/login", "/permission/admin/manage"]);
  });
});
