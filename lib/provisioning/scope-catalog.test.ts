import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser } from "../../testing/seed.ts";
import { testConfig } from "../../testing/config.ts";
import { ADMIN, SCOPE_CATALOG } from "../scopes/catalog.ts";
import { scopeCatalog } from "../scopes/catalogs.ts";
import { readMappingVersion } from "../roles/mapping-version.ts";
import { setScopeRoles } from "../scopes/set-scope-roles.ts";
import { splitRoles } from "../scopes/tenant-conf.ts";
import { qualifiedName } from "../core/domains.ts";
import { provision } from "./provision.ts";

type Conf = { RESTAPIScopes: { Scope: { Name: string; Roles: string }[] } };
/** WSO2's own tenant-conf.json as name -> sorted roles, cleaned the way the import cleans it. */
function shippedMapping(file: string): Map<string, string[]> {
  const conf = JSON.parse(fs.readFileSync(`testing/fixtures/${file}`, "utf8")) as Conf;
  return new Map(conf.RESTAPIScopes.Scope.map((s) => [s.Name.trim().replace(/[\s,]+$/, ""), [...new Set(splitRoles(s.Roles))].sort()]));
}

async function scopeMapping(t: TestDatabase): Promise<Map<string, string[]>> {
  const scopes = await t.db.apiScope.findMany({ include: { roles: { include: { role: { include: { store: true } } } } } });
  return new Map(scopes.map((s) => [s.name, s.roles.map((r) => qualifiedName(r.role.store.domain, r.role.name)).sort()]));
}

const catalogAudits = (t: TestDatabase) =>
  t.db.auditEvent.findMany({ where: { action: "scopes.catalog_updated" }, orderBy: { id: "asc" } });

describe.each(await databaseKinds())("scope catalogs on %s", (kind) => {
  describe("a new install with [apim] scope_catalog = 4.7", () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
    });
    afterAll(() => t.drop());

    it("gets exactly the 107 scopes and default roles APIM 4.7 ships, and its default Internal roles", async () => {
      const report = await provision(t.db, testConfig({ apim: { scope_catalog: "4.7" } }));
      expect(report.created).toEqual(expect.arrayContaining(["role Internal/observer", "role Internal/integration_dev", "107 API scopes"]));
      const mapping = await scopeMapping(t);
      expect(mapping).toEqual(shippedMapping("wso2-apim-tenant-conf.json"));
      expect(mapping.get("apim:admin")).toEqual(["admin"]);
      expect(mapping.get("apim:scope_manage")).toEqual(["admin"]);
      const scope = await t.db.apiScope.findFirstOrThrow({ where: { name: "apim:api_view" } });
      expect(scope).toMatchObject({ description: "View API", tag: "publisher" });
      expect(await catalogAudits(t)).toEqual([]);
    });

    it("takes a write naming a 4.x scope and a 4.x default role, which the 3.x catalog refuses", async () => {
      const admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
      await setScopeRoles(t.db, admin, { scopes: [{ name: "apim:scope_manage", roles: ["admin", "Internal/observer"] }] });
      expect((await scopeMapping(t)).get("apim:scope_manage")).toEqual(["Internal/observer", "admin"]);
    });
  });

  describe("switching an existing install", () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      await provision(t.db, testConfig());
    });
    afterAll(() => t.drop());

    it("3.x -> 4.2 adds the new scopes with 4.2's default roles and keeps every existing mapping, audited", async () => {
      const creator = await t.db.role.findFirstOrThrow({ where: { name: "creator" } });
      const subscriber = await t.db.role.findFirstOrThrow({ where: { name: "subscriber" } });
      const apiCreate = await t.db.apiScope.findFirstOrThrow({ where: { name: "apim:api_create" } });
      // An admin's own changes: creator off apim:api_create, and an alias.
      await t.db.scopeRole.delete({ where: { scopeId_roleId: { scopeId: apiCreate.id, roleId: creator.id } } });
      await t.db.roleAlias.create({ data: { roleId: subscriber.id, aliasRoleId: creator.id } });
      const before = await scopeMapping(t);
      const versionBefore = await readMappingVersion(t.db, 1);

      await provision(t.db, testConfig({ apim: { scope_catalog: "4.2" } }));

      const after = await scopeMapping(t);
      const shipped = shippedMapping("wso2-apim-4.2.0-tenant-conf.json");
      for (const [name, roles] of before) expect(after.get(name), name).toEqual(roles);
      const added = [...shipped.keys()].filter((n) => !before.has(n));
      expect(added.length).toBe(44);
      for (const name of added) expect(after.get(name), name).toEqual(shipped.get(name));
      expect(after.size).toBe(before.size + added.length);
      expect(after.get("apim:api_create")).toEqual(["admin"]);
      expect(await t.db.roleAlias.count({ where: { roleId: subscriber.id, aliasRoleId: creator.id } })).toBe(1);
      expect(await readMappingVersion(t.db, 1)).toBe(versionBefore + 1);

      const audits = await catalogAudits(t);
      expect(audits).toHaveLength(1);
      expect(JSON.parse(audits[0]!.before!)).toEqual({ catalog: "3.x" });
      const audited = JSON.parse(audits[0]!.after!) as { catalog: string; addedScopes: string[]; addedRoles: string[] };
      expect(audited.catalog).toBe("4.2");
      expect([...audited.addedScopes].sort()).toEqual([...added].sort());
      expect(audited.addedRoles).toEqual(["Internal/integration_dev"]);
    });

    it("is idempotent: the same version again changes and audits nothing", async () => {
      const before = await scopeMapping(t);
      const version = await readMappingVersion(t.db, 1);
      const report = await provision(t.db, testConfig({ apim: { scope_catalog: "4.2" } }));
      expect(report.created).toEqual([]);
      expect(await scopeMapping(t)).toEqual(before);
      expect(await readMappingVersion(t.db, 1)).toBe(version);
      expect(await catalogAudits(t)).toHaveLength(1);
    });

    it("4.2 -> 4.7 adds only what 4.7 adds; 4.7 -> 3.x removes nothing", async () => {
      const before = await scopeMapping(t);
      await provision(t.db, testConfig({ apim: { scope_catalog: "4.7" } }));
      const at47 = await scopeMapping(t);
      for (const [name, roles] of before) expect(at47.get(name), name).toEqual(roles);
      for (const scope of scopeCatalog("4.7")) expect(at47.has(scope.name), scope.name).toBe(true);
      expect(at47.get("apim:mcp_server_view")).toEqual(shippedMapping("wso2-apim-tenant-conf.json").get("apim:mcp_server_view"));

      await provision(t.db, testConfig({ apim: { scope_catalog: "3.x" } }));
      expect(await scopeMapping(t)).toEqual(at47);
      // Seed 001's descriptions come back for its scopes; the others keep theirs.
      const apiView = await t.db.apiScope.findFirstOrThrow({ where: { name: "apim:api_view" } });
      expect(apiView.description).toBe(SCOPE_CATALOG.find((s) => s.name === "apim:api_view")!.description);
      const audits = await catalogAudits(t);
      expect(audits.map((a) => JSON.parse(a.after!).catalog)).toEqual(["4.2", "4.7", "3.x"]);
      expect(JSON.parse(audits[2]!.after!).addedScopes).toEqual([]);

      await provision(t.db, testConfig({ apim: { scope_catalog: "3.x" } }));
      expect(await catalogAudits(t)).toHaveLength(3);
    });
  });

  it("the default stays seed 001's catalog", () => {
    expect(testConfig().apim.scope_catalog).toBe("3.x");
    expect(scopeCatalog("3.x")).toBe(SCOPE_CATALOG);
    expect(SCOPE_CATALOG.every((s) => s.roles.every((r) => r === ADMIN || r.startsWith("Internal/")))).toBe(true);
  });
});
