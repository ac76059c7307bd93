import { describe, expect, it } from "vitest";
import { splitTenantPath } from "./tenant-path.ts";

describe("splitTenantPath", () => {
  it("takes the tenant off APIM's admin API and Identity Server's /api/server/v1, in lower case", () => {
    expect(splitTenantPath("/t/Acme.com/api/am/admin/v4/system-scopes")).toEqual({
      tenant: "acme.com",
      path: "/api/am/admin/v4/system-scopes",
    });
    expect(splitTenantPath("/t/acme.com/api/server/v1/tenants")).toEqual({ tenant: "acme.com", path: "/api/server/v1/tenants" });
    expect(splitTenantPath("/t/x%2Ey/api/server/v1")).toEqual({ tenant: "x.y", path: "/api/server/v1" });
    expect(splitTenantPath("/t/acme.com/scim2/Users/7")).toEqual({ tenant: "acme.com", path: "/scim2/Users/7" });
  });

  it("leaves every other address alone", () => {
    for (const path of [
      "/api/am/admin/v4/system-scopes",
      "/t/acme.com/users",
      "/t/acme.com/management/users",
      "/t//api/server/v1",
      "/t/a/api/am/admin/v3",
      "/t/a/scim2x/Users",
    ]) {
      expect(splitTenantPath(path)).toBeNull();
    }
  });
});
