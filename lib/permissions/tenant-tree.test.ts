import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS } from "./catalog.ts";
import { toggle } from "./selection.ts";
import { isProtectedPermission, permissionsFor, permissionTreeFor } from "./tenant-tree.ts";

describe("the tenant's permission tree", () => {
  it("omits Super Admin Permissions outside the super tenant only", () => {
    expect((permissionTreeFor(true).children ?? []).map((c) => c.path)).toContain("/permission/protected");
    const top = (superTenant: boolean) => (permissionTreeFor(superTenant).children ?? []).map((c) => c.path);
    expect(top(false)).toEqual(top(true).filter((p) => p !== "/permission/protected"));
    expect(permissionsFor(false).some((p) => isProtectedPermission(p.path))).toBe(false);
    expect(permissionsFor(true)).toBe(ALL_PERMISSIONS);
    expect([
      isProtectedPermission("/permission"),
      isProtectedPermission("/permission/protected"),
      isProtectedPermission("/permission/protectedx"),
    ]).toEqual([false, true, false]);
  });

  it("splits a tenant's root into the tenant tree's children only", () => {
    const split = toggle(["/permission"], "/permission/admin/login", permissionTreeFor(false));
    expect(split.some(isProtectedPermission)).toBe(false);
    expect(toggle(["/permission"], "/permission/admin/login").some(isProtectedPermission)).toBe(true);
  });
});
