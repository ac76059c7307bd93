import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { createRole } from "../roles/create-role.ts";
import { createScopeMappingCommand } from "./commands.ts";
import { createScopeMapping } from "./create-scope-mapping.ts";
import { deleteScopeMapping } from "./delete-scope-mapping.ts";
import { getScopeMapping, listScopeMappings } from "./list-scope-mappings.ts";
import { readMappingVersion } from "../roles/mapping-version.ts";
import { updateScopeMapping } from "./update-scope-mapping.ts";

describe.each(await databaseKinds())("role mapping writes on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  const version = () => readMappingVersion(t.db, tenantId);
  const list = async (q?: string) => (await listScopeMappings(t.db, tenantId, { q, page: 1, size: 100 })).page.rows;
  const row = async (role: string) => (await list()).find((r) => r.role === role);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    for (const name of ["creator", "dev", "ops"]) await createRole(t.db, admin, { domain: "PRIMARY", name, permissions: [], userIds: [] });
  });
  afterAll(() => t.drop());

  it("lists the provisioned mappings: every role on a scope, the admin role protected", async () => {
    const rows = await list();
    expect(rows.map((r) => r.role)).toEqual([
      "admin",
      "Internal/analytics",
      "Internal/creator",
      "Internal/everyone",
      "Internal/publisher",
      "Internal/subscriber",
    ]);
    expect(rows[0]).toMatchObject({ kind: "custom", scopeCount: 46, aliasOf: [], protected: true });
    expect(await row("Internal/everyone")).toMatchObject({ kind: "custom", scopeCount: 1, protected: false });
  });

  it("creates an alias mapping, resolving names as WSO2 does, and audits it", async () => {
    const before = await version();
    const result = await createScopeMapping(t.db, admin, { mode: "alias", role: "CREATOR", targets: ["internal/Creator"] });
    expect(result.version).toBe(before + 1);
    expect(result.changes.aliases).toEqual([{ role: "Internal/creator", added: ["creator"], removed: [] }]);
    expect(await row("creator")).toMatchObject({ kind: "alias", aliasOf: ["Internal/creator"], scopeCount: 0 });
    expect(await t.db.auditEvent.count({ where: { action: "scopes.mapping_created", targetName: "creator" } })).toBe(1);
  });

  it("creates a custom mapping and lists the role's scopes", async () => {
    await createScopeMapping(t.db, admin, { mode: "custom", role: "dev", scopes: ["apim:api_view", "apim:api_create"] });
    const detail = await getScopeMapping(t.db, tenantId, "PRIMARY/dev");
    expect(detail.scopes.map((s) => s.name)).toEqual(["apim:api_create", "apim:api_view"]);
    expect(detail.scopes[0]).toEqual({ name: "apim:api_create", description: "Create API", tag: "publisher" });
    expect(await row("dev")).toMatchObject({ kind: "custom", scopeCount: 2 });
  });

  it("refuses a role that does not exist, one that already has a mapping, and incomplete bodies", async () => {
    const n = await version();
    await expect(createScopeMapping(t.db, admin, { mode: "alias", role: "ghost", targets: ["Internal/creator"] })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/no role named "ghost"/),
    });
    await expect(
      createScopeMapping(t.db, admin, { mode: "alias", role: "creator", targets: ["Internal/publisher"] }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Permission mapping exist" });
    await expect(
      createScopeMapping(t.db, admin, { mode: "custom", role: "Internal/publisher", scopes: ["apim:api_view"] }),
    ).rejects.toMatchObject({ message: "Permission mapping exist" });
    await expect(
      createScopeMapping(t.db, admin, { mode: "alias", role: "Internal/system", targets: ["Internal/creator"] }),
    ).rejects.toThrow(/reserved/);
    await expect(createScopeMapping(t.db, admin, { mode: "alias", role: "ops", targets: ["ops"] })).rejects.toThrow(/alias of itself/);
    await expect(createScopeMapping(t.db, admin, { mode: "alias", role: "ops", targets: ["Internal/nobody"] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: 'Unknown role: "Internal/nobody".',
    });
    await expect(createScopeMapping(t.db, admin, { mode: "custom", role: "ops", scopes: ["apim:nope"] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: 'Unknown scope: "apim:nope".',
    });
    // An empty body never reaches the write: the command's input, which every adapter parses with, refuses it.
    expect(createScopeMappingCommand.input.safeParse({ mode: "custom", role: "ops", scopes: [] }).error?.issues[0]?.message).toMatch(
      /at least one scope/,
    );
    expect(await version()).toBe(n);
    expect(await row("ops")).toBeUndefined();
  });

  it("updates a mapping, switching mode cleanly, and refuses an outdated version", async () => {
    const opened = await version();
    await updateScopeMapping(t.db, admin, {
      version: opened,
      mode: "alias",
      role: "dev",
      targets: ["Internal/publisher", "Internal/subscriber"],
    });
    expect(await row("dev")).toMatchObject({ kind: "alias", scopeCount: 0, aliasOf: ["Internal/publisher", "Internal/subscriber"] });
    await expect(
      updateScopeMapping(t.db, admin, { version: opened, mode: "custom", role: "dev", scopes: ["apim:api_view"] }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    await updateScopeMapping(t.db, admin, { version: await version(), mode: "custom", role: "dev", scopes: ["apim:api_view"] });
    expect(await row("dev")).toMatchObject({ kind: "custom", scopeCount: 1, aliasOf: [] });
    await expect(
      updateScopeMapping(t.db, admin, { version: await version(), mode: "custom", role: "ops", scopes: ["apim:api_view"] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes an alias without touching its target, and a custom mapping from every scope", async () => {
    const creatorScopes = (await getScopeMapping(t.db, tenantId, "Internal/creator")).scopes.length;
    await deleteScopeMapping(t.db, admin, { version: await version(), role: "creator", kind: "alias" });
    expect(await row("creator")).toBeUndefined();
    expect((await getScopeMapping(t.db, tenantId, "Internal/creator")).scopes).toHaveLength(creatorScopes);

    await deleteScopeMapping(t.db, admin, { version: await version(), role: "Internal/analytics", kind: "custom" });
    expect(await row("Internal/analytics")).toBeUndefined();
    expect(await t.db.scopeRole.count({ where: { role: { name: "analytics" } } })).toBe(0);
    await expect(
      deleteScopeMapping(t.db, admin, { version: await version(), role: "Internal/analytics", kind: "custom" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never takes the admin role off a scope", async () => {
    const v = await version();
    await expect(deleteScopeMapping(t.db, admin, { version: v, role: "admin", kind: "custom" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/admin role \(admin\) stays on every scope/),
    });
    await expect(
      updateScopeMapping(t.db, admin, { version: v, mode: "alias", role: "admin", targets: ["Internal/creator"] }),
    ).rejects.toThrow(/stays on every scope/);
    await expect(updateScopeMapping(t.db, admin, { version: v, mode: "custom", role: "admin", scopes: ["apim:api_view"] })).rejects.toThrow(
      /cannot be removed from apim:api_publish/,
    );
    expect(await row("admin")).toMatchObject({ scopeCount: 46 });
    expect(await version()).toBe(v);
  });

  it("searches by role name in the database and pages", async () => {
    expect((await list("CREAT")).map((r) => r.role)).toEqual(["Internal/creator"]);
    expect((await list("internal/sub")).map((r) => r.role)).toEqual(["Internal/subscriber"]);
    expect((await list("PRIMARY/sub")).map((r) => r.role)).toEqual([]);
    expect((await list("dev")).map((r) => r.role)).toEqual(["dev"]);
    const first = await listScopeMappings(t.db, tenantId, { page: 1, size: 10 });
    expect(first.page.hasNext).toBe(false);
    const paged = await listScopeMappings(t.db, tenantId, { q: "internal/", page: 2, size: 10 });
    expect(paged.page.rows).toEqual([]);
  });
});
