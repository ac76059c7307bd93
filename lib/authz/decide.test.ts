import { describe, expect, it } from "vitest";
import { decide, mayHoldSession } from "./decide.ts";
import type { Principal } from "./principal.ts";

const LOGIN = "/permission/admin/login";
const principal = (grants: string[], mustChangePassword = false, superTenant = true): Principal => ({
  userId: 1,
  tenantId: 1,
  tenantDomain: superTenant ? "carbon.super" : "acme.com",
  superTenant,
  username: "u",
  displayName: "u",
  sessionId: "s",
  sessionKind: "console",
  mustChangePassword,
  isAdmin: false,
  roles: [],
  grants,
});

describe("the Login policy", () => {
  it("needs Login for console and OAuth2 sessions, not for management API ones", () => {
    expect(mayHoldSession("console", [LOGIN])).toBe(true);
    expect(mayHoldSession("oauth", ["/permission/admin"])).toBe(true);
    expect(mayHoldSession("console", [])).toBe(false);
    expect(mayHoldSession("oauth", ["/permission/admin/manage"])).toBe(false);
    expect(mayHoldSession("api", [])).toBe(true);
  });
});

describe("decide", () => {
  it("refuses nobody signed in, a default password, and a missing permission", () => {
    expect(decide(null, "console.signIn")).toMatchObject({ allowed: false, code: "UNAUTHENTICATED" });
    expect(decide(principal(["/permission"], true), "console.signIn")).toMatchObject({ allowed: false, code: "PASSWORD_CHANGE_REQUIRED" });
    expect(decide(principal([]), "console.signIn")).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(decide(principal([LOGIN]), "console.signIn")).toEqual({ allowed: true });
  });

  it("lets only the super tenant's principals use the tenant features, whatever a tenant's admin holds", () => {
    expect(decide(principal(["/permission"]), "tenants.manage")).toEqual({ allowed: true });
    expect(decide(principal(["/permission"], false, false), "tenants.view")).toEqual({
      allowed: false,
      code: "FORBIDDEN",
      reason: "You do not have permission to view tenants.",
    });
    expect(decide(principal(["/permission"], false, false), "users.list")).toEqual({ allowed: true });
  });
});

describe("Super Admin Permissions", () => {
  it("count in the super tenant only, while a tenant's root grant keeps every other feature", () => {
    expect(decide(principal(["/permission"]), "tenants.manage")).toEqual({ allowed: true });
    expect(decide(principal(["/permission"], false, false), "tenants.manage")).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(decide(principal(["/permission/protected"], false, false), "tenants.view")).toMatchObject({ allowed: false });
    expect(decide(principal(["/permission"], false, false), "roles.update")).toEqual({ allowed: true });
  });
});
