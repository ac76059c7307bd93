import fs from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { createRole } from "../roles/create-role.ts";
import { applyImport } from "./apply-import.ts";
import { NO_IMPORT_OPTIONS } from "./plan-import.ts";
import { listRoleAliases, listScopes } from "./list-scopes.ts";
import { previewImport } from "./preview-import.ts";
import { setScopeRoles } from "./set-scope-roles.ts";
import { exportTenantConf, parseTenantConf } from "./tenant-conf.ts";

const REAL = fs.readFileSync("testing/fixtures/wso2-apim-tenant-conf.json", "utf8");
const QUIRKY = fs.readFileSync("testing/fixtures/quirky-tenant-conf.json", "utf8");

describe.each(await databaseKinds())("tenant-conf.json import and export on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  const drops: TestDatabase[] = [];
  const mapping = async () => new Map((await listScopes(t.db, tenantId)).scopes.map((s) => [s.name, s.roles]));

  // A fresh database per test: imports change a lot, and each test starts from the provisioned mapping.
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    drops.push(t);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    for (const name of ["creator", "dev"]) await createRole(t.db, admin, { domain: "PRIMARY", name, permissions: [], userIds: [] });
  });
  afterAll(async () => {
    for (const d of drops) await d.drop();
  });

  it("imports WSO2's real file: known scopes get exactly the file's known roles, the rest is reported", async () => {
    const before = await mapping();
    const preview = await previewImport(t.db, tenantId, REAL);
    expect(await mapping()).toEqual(before);
    expect(preview.unknownRoles.map((r) => r.name).sort()).toEqual(["Internal/integration_dev", "Internal/observer"]);
    expect(preview.unknownRoles.find((r) => r.name === "Internal/observer")!.paths).toContain("RESTAPIScopes.Scope[3].Roles");
    expect(preview.unknownScopes).toContainEqual({ name: "apim:app_token_type_upgrade", path: "RESTAPIScopes.Scope[21].Name" });
    expect(preview.scopes).toContainEqual({ scope: "apim:subscribe", added: ["Internal/devops"], removed: [] });
    expect(preview.scopes).toContainEqual({ scope: "apim:api_key", added: ["Internal/subscriber"], removed: ["Internal/creator"] });
    expect(preview.scopes.map((s) => s.scope)).not.toContain("apim:monetization_usage_publish");
    expect(preview.aliases).toEqual([]);
    expect(preview.adminKept).toEqual([]);

    const applied = await applyImport(t.db, admin, {
      ...NO_IMPORT_OPTIONS,
      text: REAL,
      version: preview.version,
      planHash: preview.planHash,
    });
    expect(applied.version).toBe(preview.version + 1);
    const after = await mapping();
    for (const scope of parseTenantConf(REAL).scopes!) {
      if (!after.has(scope.name)) continue;
      const known = scope.roles.filter((r) => !["Internal/observer", "Internal/integration_dev"].includes(r));
      expect([...after.get(scope.name)!].sort(), scope.name).toEqual([...known].sort());
    }
    expect(after.get("apim:api_workflow")).toEqual(before.get("apim:api_workflow"));
    expect(await t.db.auditEvent.count({ where: { action: "scopes.imported" } })).toBe(1);
    expect((await previewImport(t.db, tenantId, REAL)).scopes).toEqual([]);
  });

  it("adds unknown scopes to the catalog when asked, so WSO2's own 4.7 file round-trips", async () => {
    const plain = await previewImport(t.db, tenantId, REAL);
    expect(plain.offers.addUnknownScopes).toBe(67);
    expect(plain.newScopes).toEqual([]);

    const preview = await previewImport(t.db, tenantId, REAL, { addUnknownScopes: true, createAliasRoles: false });
    expect(preview.unknownScopes).toEqual([]);
    expect(preview.newScopes).toHaveLength(67);
    expect(preview.newScopes).toContainEqual({
      name: "apim:scope_manage",
      path: expect.stringMatching(/^RESTAPIScopes\.Scope\[\d+\]\.Name$/),
      description: "Manage scope",
      tag: "admin",
    });
    expect(preview.newScopes.map((s) => s.name)).toContain("apim:app_token_type_upgrade");
    expect(preview.scopes).toContainEqual({ scope: "apim:admin", added: ["admin"], removed: [] });
    expect(preview.planHash).not.toBe(plain.planHash);
    // The plain preview's hash does not apply the variant that adds scopes.
    await expect(
      applyImport(t.db, admin, {
        ...NO_IMPORT_OPTIONS,
        text: REAL,
        version: plain.version,
        planHash: plain.planHash,
        addUnknownScopes: true,
      }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });

    await applyImport(t.db, admin, {
      ...NO_IMPORT_OPTIONS,
      text: REAL,
      version: preview.version,
      planHash: preview.planHash,
      addUnknownScopes: true,
    });
    const after = await mapping();
    expect(after.size).toBe(47 + 67);
    expect(after.get("apim:scope_manage")).toEqual(["admin"]);
    expect(after.get("apim:mcp_server_view")).toEqual(["admin", "Internal/analytics", "Internal/creator", "Internal/publisher"]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "scopes.imported" } });
    expect(JSON.parse(audit.after!).newScopes).toHaveLength(67);

    const again = await previewImport(t.db, tenantId, REAL, { addUnknownScopes: true, createAliasRoles: false });
    expect({ scopes: again.scopes, newScopes: again.newScopes, offers: again.offers.addUnknownScopes }).toEqual({
      scopes: [],
      newScopes: [],
      offers: 0,
    });
  });

  it("imports a quirky file: spaces, empty entries, trailing commas, unknown names, and an entry without admin", async () => {
    const preview = await previewImport(t.db, tenantId, QUIRKY);
    expect(preview.scopes).toEqual([
      { scope: "apim:api_create", added: ["dev"], removed: [] },
      { scope: "apim:api_view", added: [], removed: ["Internal/analytics"] },
      { scope: "apim:tier_manage", added: ["Internal/publisher"], removed: [] },
    ]);
    expect(preview.unchangedScopes).toBe(1);
    expect(preview.adminKept).toEqual(["apim:tier_manage"]);
    expect(preview.aliases).toEqual([{ role: "Internal/creator", added: ["creator"], removed: [] }]);
    expect(preview.unknownRoles).toEqual([
      { name: "Internal/observer", paths: ["RESTAPIScopes.Scope[0].Roles"] },
      { name: "Internal/ghost", paths: ['RoleMappings["Internal/ghost"]'] },
    ]);
    expect(preview.unknownScopes).toEqual([{ name: "apim:does_not_exist", path: "RESTAPIScopes.Scope[3].Name" }]);

    await applyImport(t.db, admin, { ...NO_IMPORT_OPTIONS, text: QUIRKY, version: preview.version, planHash: preview.planHash });
    const after = await mapping();
    expect(after.get("apim:tier_manage")).toEqual(["admin", "Internal/publisher"]);
    expect(after.get("apim:api_view")).toEqual(["admin", "Internal/creator", "Internal/publisher"]);
    expect((await listRoleAliases(t.db, tenantId)).list).toEqual([{ role: "Internal/creator", aliases: ["creator"] }]);
  });

  it("refuses to apply a preview made against a state that has changed since", async () => {
    const preview = await previewImport(t.db, tenantId, QUIRKY);
    await setScopeRoles(t.db, admin, { scopes: [{ name: "apim:bl_view", roles: ["admin", "dev"] }] });
    const before = await mapping();
    await expect(
      applyImport(t.db, admin, { ...NO_IMPORT_OPTIONS, text: QUIRKY, version: preview.version, planHash: preview.planHash }),
    ).rejects.toMatchObject({
      code: "STALE_VERSION",
    });
    const fresh = await previewImport(t.db, tenantId, QUIRKY);
    await expect(
      applyImport(t.db, admin, { ...NO_IMPORT_OPTIONS, text: REAL, version: fresh.version, planHash: fresh.planHash }),
    ).rejects.toMatchObject({
      code: "STALE_VERSION",
      message: expect.stringMatching(/Preview the file again/),
    });
    expect(await mapping()).toEqual(before);
    await expect(previewImport(t.db, tenantId, '{"RESTAPIScopes": {"Scope": [{"Name": 1, "Roles": ""}]}}')).rejects.toThrow(
      /^RESTAPIScopes\.Scope\[0\]\.Name: /,
    );
  });

  it("exports the mapping in WSO2's shape, and a re-import of the export changes nothing", async () => {
    const preview = await previewImport(t.db, tenantId, QUIRKY);
    await applyImport(t.db, admin, { ...NO_IMPORT_OPTIONS, text: QUIRKY, version: preview.version, planHash: preview.planHash });
    const exported = await exportTenantConf(t.db, tenantId);
    expect(exported.RESTAPIScopes.Scope[0]).toEqual({ Name: "apim:api_publish", Roles: "admin,Internal/publisher" });
    expect(exported.RESTAPIScopes.Scope).toHaveLength(47);
    expect(exported.RoleMappings).toEqual({ "Internal/creator": "Internal/creator,creator" });
    const again = await previewImport(t.db, tenantId, JSON.stringify(exported));
    expect({ scopes: again.scopes, aliases: again.aliases, unknownRoles: again.unknownRoles, unknownScopes: again.unknownScopes }).toEqual({
      scopes: [],
      aliases: [],
      unknownRoles: [],
      unknownScopes: [],
    });
  });
});
