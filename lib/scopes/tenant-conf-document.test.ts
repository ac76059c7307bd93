import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { applyImport } from "./apply-import.ts";
import { NO_IMPORT_OPTIONS } from "./plan-import.ts";
import { previewImport } from "./preview-import.ts";
import { exportTenantConf } from "./tenant-conf.ts";
import { tenantConfigViolations } from "./validate-tenant-config.ts";

const APIM_42 = fs.readFileSync("testing/fixtures/wso2-apim-4.2.0-tenant-conf.json", "utf8");
const APIM_47 = fs.readFileSync("testing/fixtures/wso2-apim-tenant-conf.json", "utf8");
const QUIRKY = fs.readFileSync("testing/fixtures/quirky-tenant-conf.json", "utf8");
const otherKeys = (text: string) => {
  const { RESTAPIScopes: _s, RoleMappings: _r, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
};

describe.each(await databaseKinds())("a lossless tenant-conf.json on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  const importFile = async (text: string) => {
    const preview = await previewImport(t.db, tenantId, text);
    await applyImport(t.db, admin, { ...NO_IMPORT_OPTIONS, text, version: preview.version, planHash: preview.planHash });
    return preview;
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
  });
  afterAll(() => t.drop());

  it("exports, before any import, a document that passes WSO2's tenant-config-schema.json", async () => {
    expect(tenantConfigViolations(await exportTenantConf(t.db, tenantId))).toEqual([]);
  });

  it("keeps every other key of an imported APIM 4.2.0 file, in order, and the export passes the schema", async () => {
    const preview = await importFile(APIM_42);
    expect(preview.documentKeys).toEqual(
      expect.arrayContaining(["Notifications", "DefaultRoles", "SelfSignUp", "Meta", "EnableMonetization"]),
    );
    const exported = await exportTenantConf(t.db, tenantId);
    const { RESTAPIScopes: _s, RoleMappings: _r, ...rest } = exported;
    expect(rest).toEqual(otherKeys(APIM_42));
    expect(Object.keys(exported)).toEqual([...Object.keys(JSON.parse(APIM_42) as object), "RoleMappings"]);
    expect(tenantConfigViolations(exported)).toEqual([]);
    expect((await previewImport(t.db, tenantId, APIM_42)).documentKeys).toEqual([]);
  });

  it("a later import replaces the keys it has and keeps the others; required keys it lacks come from APIM's defaults", async () => {
    await importFile(APIM_47);
    const exported = await exportTenantConf(t.db, tenantId);
    const from47 = otherKeys(APIM_47);
    for (const [key, value] of Object.entries(from47)) expect(exported[key], key).toEqual(value);
    // 4.7's file as shipped here has no Notifications; the 4.2.0 import's stay.
    expect(exported.Notifications).toEqual(otherKeys(APIM_42).Notifications);
    expect(tenantConfigViolations(exported)).toEqual([]);

    await importFile(QUIRKY);
    const afterQuirky = await exportTenantConf(t.db, tenantId);
    expect(afterQuirky.DefaultRoles).toEqual(from47.DefaultRoles);
    expect(afterQuirky.AllowSubscriptionValidationDisabling).toBe(false);
    expect(tenantConfigViolations(afterQuirky)).toEqual([]);
  });
});
