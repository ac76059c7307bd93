import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apimRequest, apimWorld, call, openapi, rolesByScope, type ApimWorld } from "../../../../../testing/apim-client.ts";
import { databaseKinds } from "../../../../../testing/databases.ts";
import { tenantConfigViolations } from "../../../../../lib/scopes/validate-tenant-config.ts";
import * as route from "./tenant-config/route.ts";

vi.mock("next/headers", async () => (await import("../../../../../testing/route-harness.ts")).nextHeaders);

type Init = Parameters<typeof apimRequest>[2];
type Conf = Record<string, unknown> & { RESTAPIScopes: { Scope: { Name: string; Roles: string }[] }; RoleMappings: Record<string, string> };

const APIM_42 = JSON.parse(fs.readFileSync("testing/fixtures/wso2-apim-4.2.0-tenant-conf.json", "utf8")) as Conf;
const withoutMapping = ({ RESTAPIScopes: _s, RoleMappings: _r, ...rest }: Record<string, unknown>) => rest;

describe.each(await databaseKinds())("APIM admin v4 /tenant-config on %s", (kind) => {
  let w: ApimWorld;
  const get = (cookie = w.manager) => call(route.GET, "/tenant-config", apimRequest("GET", "/tenant-config", { cookie }), {});
  const put = (query: string, init: Init) =>
    call(route.PUT, "/tenant-config", apimRequest("PUT", `/tenant-config${query}`, { cookie: w.manager, ...init }), {});
  const description = async (response: Response) => ((await response.json()) as { description: string }).description;

  beforeAll(async () => {
    w = await apimWorld(kind);
  });
  afterAll(() => w.t.drop());

  it("GET answers a tenant-conf.json that passes WSO2's tenant-config-schema.json before any import", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(/^"v\d+"$/);
    const conf = (await response.json()) as Conf;
    expect(tenantConfigViolations(conf)).toEqual([]);
    expect(conf.RESTAPIScopes.Scope).toHaveLength(47);
    expect(Object.keys(conf)).toEqual(
      expect.arrayContaining(["EnableMonetization", "Notifications", "DefaultRoles", "SelfSignUp", "Meta", "RoleMappings"]),
    );
    expect((await get(w.plain)).status).toBe(403);
  });

  it("PUT refuses what the schema refuses, and unknown roles and scopes, each by JSON path, changing nothing", async () => {
    const before = await rolesByScope(w.t.db);
    const { DefaultRoles: _d, ...noDefaultRoles } = APIM_42;
    let response = await put("", { body: { ...noDefaultRoles, EnableMonetization: "no" } });
    expect(response.status).toBe(400);
    const schemaFaults = await description(response);
    expect(schemaFaults).toMatch(/tenant-config-schema\.json/);
    expect(schemaFaults).toContain("must have DefaultRoles");
    expect(schemaFaults).toContain("EnableMonetization: must be boolean");

    expect(openapi.acceptsRequest("/tenant-config", "PUT", APIM_42)).toBe(true);
    response = await put("", { body: APIM_42 });
    expect(response.status).toBe(400);
    const unknown = await description(response);
    expect(unknown).toMatch(/^Nothing was changed/);
    expect(unknown).toMatch(/RESTAPIScopes\.Scope\[\d+\]\.Roles: unknown role "Internal\/integration_dev"/);
    expect(unknown).toMatch(/RESTAPIScopes\.Scope\[\d+\]\.Name: unknown scope "apim:admin"/);

    const noAdmin = { ...APIM_42, RESTAPIScopes: { Scope: [{ Name: "apim:api_view", Roles: "Internal/creator" }] } };
    response = await put("", { body: noAdmin });
    expect(await description(response)).toContain("RESTAPIScopes.Scope[0].Roles: the admin role cannot be taken off apim:api_view");
    expect(await rolesByScope(w.t.db)).toEqual(before);
    expect(await w.t.db.tenantConfDocument.count()).toBe(0);
  });

  it("PUT of APIM 4.2.0's own file applies in one transaction, and GET returns every other key as it was put", async () => {
    const response = await put("?addUnknownScopes=true&skipUnknown=true", { body: APIM_42 });
    expect(response.status).toBe(200);
    const conf = (await response.json()) as Conf;
    expect(withoutMapping(conf)).toEqual(withoutMapping(APIM_42));
    expect(Object.keys(conf)).toEqual([...Object.keys(APIM_42), "RoleMappings"]);
    expect(tenantConfigViolations(conf)).toEqual([]);
    expect(conf.RESTAPIScopes.Scope).toHaveLength(47 + 44);
    const mapping = await rolesByScope(w.t.db);
    expect(mapping.get("apim:admin")).toEqual(["admin"]);
    expect(mapping.get("apim:subscribe")).toEqual(["Internal/devops", "Internal/subscriber", "admin"]);
    const audit = await w.t.db.auditEvent.findFirstOrThrow({ where: { action: "scopes.tenant_config_put" } });
    const after = JSON.parse(audit.after!) as { newScopes: string[]; unknownRoles: string[]; documentKeys: string[] };
    expect(after.newScopes).toHaveLength(44);
    expect(after.unknownRoles).toEqual(["Internal/integration_dev"]);
    expect(after.documentKeys).toEqual(expect.arrayContaining(["Notifications", "DefaultRoles", "SelfSignUp"]));

    // The export goes back in unchanged: nothing to change, nothing audited.
    const again = await put("", { body: conf });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(conf);
    expect(await w.t.db.auditEvent.count({ where: { action: "scopes.tenant_config_put" } })).toBe(1);
  });

  it("PUT honours If-Match and creates missing alias roles only when asked", async () => {
    const etag = (await get()).headers.get("etag")!;
    const current = (await (await get()).json()) as Conf;
    const body = { ...current, RoleMappings: { "Internal/subscriber": "Internal/subscriber,portal_user" } };
    let response = await put("", { body, headers: { "if-match": etag } });
    expect(response.status).toBe(400);
    expect(await description(response)).toContain('RoleMappings["Internal/subscriber"]: unknown role "portal_user"');

    response = await put("?createAliasRoles=true", { body, headers: { "if-match": etag } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Conf).RoleMappings).toEqual({ "Internal/subscriber": "Internal/subscriber,portal_user" });
    response = await put("?createAliasRoles=true", { body, headers: { "if-match": etag } });
    expect(response.status).toBe(412);
  });
});
