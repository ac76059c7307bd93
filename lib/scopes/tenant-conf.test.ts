import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { parseTenantConf, splitRoles } from "./tenant-conf.ts";

const REAL = fs.readFileSync("testing/fixtures/wso2-apim-tenant-conf.json", "utf8");

function faultOf(text: string): { message: string; path: unknown } {
  try {
    parseTenantConf(text);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_INPUT") return { message: error.message, path: error.details?.path };
    throw error;
  }
  throw new Error("expected the file to be refused");
}

const withScopes = (scopes: unknown[]) => JSON.stringify({ RESTAPIScopes: { Scope: scopes } });

describe("parsing tenant-conf.json", () => {
  it("reads WSO2's real file, ignoring every other key and tolerating its quirks", () => {
    const parsed = parseTenantConf(REAL);
    expect(parsed.roleMappings).toBeNull();
    expect(parsed.scopes).toHaveLength(107);
    expect(parsed.scopes![21]).toEqual({ name: "apim:app_token_type_upgrade", roles: ["admin"], path: "RESTAPIScopes.Scope[21].Roles" });
    expect(parsed.scopes!.find((s) => s.name === "apim:monetization_usage_publish")!.roles).toEqual(["admin", "Internal/publisher"]);
  });

  it("splits role lists with stray spaces, empty entries and trailing commas", () => {
    expect(splitRoles(" admin ,  Internal/publisher,,x,")).toEqual(["admin", "Internal/publisher", "x"]);
    expect(splitRoles("")).toEqual([]);
    expect(splitRoles(" , ,")).toEqual([]);
  });

  it("reads RoleMappings with their JSON paths", () => {
    const parsed = parseTenantConf(JSON.stringify({ RoleMappings: { "Internal/creator": "Internal/creator, creator ,", plain: "x" } }));
    expect(parsed.scopes).toBeNull();
    expect(parsed.roleMappings).toEqual([
      { role: "Internal/creator", aliases: ["Internal/creator", "creator"], path: 'RoleMappings["Internal/creator"]' },
      { role: "plain", aliases: ["x"], path: "RoleMappings.plain" },
    ]);
  });

  it("rejects a malformed file with the JSON path of the fault", () => {
    const ok = { Name: "apim:api_view", Roles: "admin" };
    expect(faultOf('{"RESTAPIScopes": {')).toMatchObject({ message: expect.stringMatching(/^The file is not valid JSON/), path: "" });
    expect(faultOf("[]")).toMatchObject({ message: "The file must be a JSON object." });
    expect(faultOf(withScopes([ok, ok, ok, { Name: "apim:x", Roles: 7 }]))).toEqual({
      message: "RESTAPIScopes.Scope[3].Roles: Invalid input: expected string, received number",
      path: "RESTAPIScopes.Scope[3].Roles",
    });
    expect(faultOf(withScopes([ok, { Roles: "admin" }])).path).toBe("RESTAPIScopes.Scope[1].Name");
    expect(faultOf(JSON.stringify({ RESTAPIScopes: { Scope: {} } })).path).toBe("RESTAPIScopes.Scope");
    expect(faultOf(JSON.stringify({ RESTAPIScopes: [] })).path).toBe("RESTAPIScopes");
    expect(faultOf(JSON.stringify({ RoleMappings: { "Internal/creator": ["creator"] } })).path).toBe('RoleMappings["Internal/creator"]');
    expect(faultOf(withScopes([ok, { Name: " ,", Roles: "admin" }]))).toEqual({
      message: "RESTAPIScopes.Scope[1].Name: A scope needs a name.",
      path: "RESTAPIScopes.Scope[1].Name",
    });
    expect(faultOf(withScopes([ok, { Name: "apim:api_view,", Roles: "" }])).message).toBe(
      'RESTAPIScopes.Scope[1].Name: "apim:api_view" is listed twice (also at RESTAPIScopes.Scope[0]).',
    );
    expect(faultOf(JSON.stringify({ EnableMonetization: false })).message).toBe("The file has neither RESTAPIScopes nor RoleMappings.");
  });
});
