import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seed001ScopeRoles } from "../../testing/seed-001.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { createRole } from "../roles/create-role.ts";
import { getScopeMatrix, listRoleAliases, listScopes } from "./list-scopes.ts";
import { readMappingVersion } from "../roles/mapping-version.ts";
import { previewScopeRoles } from "./preview-scope-roles.ts";
import { setRoleAliases } from "./set-role-aliases.ts";
import { setScopeRoles } from "./set-scope-roles.ts";
import { userHoldsScope } from "./user-holds-scope.ts";

describe.each(await databaseKinds())("scope roles, the matrix and aliases on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  const version = () => readMappingVersion(t.db, tenantId);
  const rolesOf = async (scope: string) => (await listScopes(t.db, tenantId)).scopes.find((s) => s.name === scope)!.roles;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    for (const name of ["dev", "creator"]) await createRole(t.db, admin, { domain: "PRIMARY", name, permissions: [], userIds: [] });
  });
  afterAll(() => t.drop());

  it("reads the provisioned mapping as exactly seed 001's table", async () => {
    const { scopes } = await listScopes(t.db, tenantId);
    const expected = seed001ScopeRoles();
    expect(new Map(scopes.map((s) => [s.name, [...s.roles].sort()]))).toEqual(new Map([...expected].map(([n, r]) => [n, [...r].sort()])));
    expect(scopes[0]).toMatchObject({
      name: "apim:api_publish",
      description: "Publish API",
      tag: "publisher",
      roles: ["admin", "Internal/publisher"],
    });
  });

  it("builds the matrix: every scope, and the roles on any scope as columns", async () => {
    const matrix = await getScopeMatrix(t.db, tenantId);
    expect(matrix.scopes).toHaveLength(47);
    expect(matrix.roles.map((r) => [r.name, r.protected])).toEqual([
      ["admin", true],
      ["Internal/analytics", false],
      ["Internal/creator", false],
      ["Internal/everyone", false],
      ["Internal/publisher", false],
      ["Internal/subscriber", false],
    ]);
  });

  it("previews a bulk change per role without writing, then applies exactly it", async () => {
    const v = await version();
    const body = {
      version: v,
      scopes: [
        { name: "apim:api_view", roles: ["admin", "Internal/publisher", "dev"] },
        { name: "apim:api_create", roles: ["admin", "dev", "Internal/creator"] },
      ],
    };
    const preview = await previewScopeRoles(t.db, tenantId, body);
    expect(preview.roles).toEqual([
      { role: "dev", gained: ["apim:api_create", "apim:api_view"], lost: [], followers: [] },
      { role: "Internal/analytics", gained: [], lost: ["apim:api_view"], followers: [] },
      { role: "Internal/creator", gained: [], lost: ["apim:api_view"], followers: [] },
    ]);
    expect(await version()).toBe(v);
    const saved = await setScopeRoles(t.db, admin, body);
    expect(saved.version).toBe(v + 1);
    expect(saved.changes).toEqual(preview.changes);
    expect(await rolesOf("apim:api_view")).toEqual(["admin", "dev", "Internal/publisher"]);
    expect(await t.db.auditEvent.count({ where: { action: "scopes.roles_set" } })).toBe(1);
  });

  it("refuses stale versions, unknown names, duplicates and removing the admin role, changing nothing", async () => {
    const v = await version();
    const before = await listScopes(t.db, tenantId);
    await expect(
      setScopeRoles(t.db, admin, { version: v + 5, scopes: [{ name: "apim:api_view", roles: ["admin"] }] }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    await expect(previewScopeRoles(t.db, tenantId, { version: v + 5, scopes: [] })).rejects.toMatchObject({ code: "STALE_VERSION" });
    await expect(setScopeRoles(t.db, admin, { scopes: [{ name: "apim:api_view", roles: ["admin", "nobody"] }] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: 'Unknown role: "nobody".',
    });
    await expect(
      setScopeRoles(t.db, admin, {
        scopes: [
          { name: "apim:api_view", roles: ["admin"] },
          { name: "apim:nope", roles: ["admin"] },
        ],
      }),
    ).rejects.toMatchObject({ message: 'Unknown scope: "apim:nope".' });
    await expect(
      setScopeRoles(t.db, admin, {
        scopes: [
          { name: "apim:api_view", roles: ["admin"] },
          { name: "apim:api_view", roles: [] },
        ],
      }),
    ).rejects.toThrow(/scopes\[1\]\.name: "apim:api_view" is listed twice/);
    await expect(setScopeRoles(t.db, admin, { scopes: [{ name: "apim:api_view", roles: ["dev"] }] })).rejects.toThrow(
      /admin role \(admin\) stays on every scope; it cannot be removed from apim:api_view/,
    );
    await expect(previewScopeRoles(t.db, tenantId, { scopes: [{ name: "apim:api_view", roles: [] }] })).rejects.toThrow(
      /stays on every scope/,
    );
    expect(await listScopes(t.db, tenantId)).toEqual(before);
  });

  it("lets a scope without the admin role stay without it", async () => {
    await setScopeRoles(t.db, admin, { scopes: [{ name: "apim_analytics:everyone", roles: ["Internal/everyone", "dev"] }] });
    expect(await rolesOf("apim_analytics:everyone")).toEqual(["dev", "Internal/everyone"]);
  });

  it("replaces all role aliases, ignoring self-aliases, and lists them by target", async () => {
    const v = await version();
    const saved = await setRoleAliases(t.db, admin, {
      version: v,
      list: [
        { role: "Internal/creator", aliases: ["Internal/creator", "creator"] },
        { role: "Internal/publisher", aliases: ["creator", "dev"] },
      ],
    });
    expect(saved.version).toBe(v + 1);
    expect((await listRoleAliases(t.db, tenantId)).list).toEqual([
      { role: "Internal/creator", aliases: ["creator"] },
      { role: "Internal/publisher", aliases: ["creator", "dev"] },
    ]);
    await setRoleAliases(t.db, admin, { list: [{ role: "Internal/publisher", aliases: ["dev"] }] });
    expect((await listRoleAliases(t.db, tenantId)).list).toEqual([{ role: "Internal/publisher", aliases: ["dev"] }]);
    await expect(setRoleAliases(t.db, admin, { version: v, list: [] })).rejects.toMatchObject({ code: "STALE_VERSION" });
    await expect(setRoleAliases(t.db, admin, { list: [{ role: "Internal/ghost", aliases: ["dev"] }] })).rejects.toMatchObject({
      message: 'Unknown role: "Internal/ghost".',
    });
  });

  it("previews the followers of a role: aliases gain and lose with it", async () => {
    const preview = await previewScopeRoles(t.db, tenantId, {
      scopes: [{ name: "apim:tier_manage", roles: ["admin", "Internal/publisher"] }],
    });
    expect(preview.roles).toEqual([{ role: "Internal/publisher", gained: ["apim:tier_manage"], lost: [], followers: ["dev"] }]);
  });

  it("tells whether a user holds a scope through roles, Internal/everyone or aliases", async () => {
    const alice = await seedUser(t.db, { grants: [] });
    const creatorRole = await t.db.role.findFirstOrThrow({ where: { tenantId, name: "creator", store: { domain: "PRIMARY" } } });
    await t.db.membership.create({ data: { userId: alice.id, roleId: creatorRole.id } });
    await setRoleAliases(t.db, admin, { list: [{ role: "Internal/creator", aliases: ["creator"] }] });
    expect(await userHoldsScope(t.db, tenantId, alice.username, "apim:api_create")).toEqual({ holds: true, via: ["Internal/creator"] });
    expect(await userHoldsScope(t.db, tenantId, `PRIMARY/${alice.username.toUpperCase()}`, "apim_analytics:everyone")).toEqual({
      holds: true,
      via: ["Internal/everyone"],
    });
    expect(await userHoldsScope(t.db, tenantId, alice.username, "apim:tier_manage")).toEqual({ holds: false, reason: "not-granted" });
    expect(await userHoldsScope(t.db, tenantId, alice.username, "apim:nope")).toEqual({ holds: false, reason: "unknown-scope" });
    expect(await userHoldsScope(t.db, tenantId, "nobody_here", "apim:api_create")).toEqual({ holds: false, reason: "unknown-user" });
    expect(await userHoldsScope(t.db, tenantId, "admin", "apim:tier_manage")).toMatchObject({ holds: true, via: ["admin"] });
  });
});
