import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { createRole } from "../roles/create-role.ts";
import { applyImport } from "./apply-import.ts";
import { listRoleAliases } from "./list-scopes.ts";
import { previewImport } from "./preview-import.ts";

// Aliases WSO2 installs commonly have: "subscriber" (PRIMARY) and an Internal one; "Application/x"
// cannot be created (Application roles belong to applications), "bad name" breaks the name rules,
// and "Internal/ghost" is a target, not an alias, so it stays unknown.
const FILE = JSON.stringify({
  RoleMappings: {
    "Internal/subscriber": "Internal/subscriber,subscriber,SUBSCRIBER,Internal/portal_user,Application/x,bad name",
    "Internal/creator": "Internal/creator,creator",
    "Internal/ghost": "Internal/portal_user",
  },
});

const newRoles = {
  OR: [
    { name: "subscriber", store: { domain: "PRIMARY" } },
    { name: "portal_user", store: { domain: "Internal" } },
  ],
};

describe.each(await databaseKinds())("tenant-conf.json alias roles that do not exist yet, on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  const drops: TestDatabase[] = [];

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    drops.push(t);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    await createRole(t.db, admin, { domain: "PRIMARY", name: "creator", permissions: [], userIds: [] });
  });
  afterAll(async () => {
    for (const d of drops) await d.drop();
  });

  it("are offered, not silently dropped, and created with no permissions or members when the admin accepts", async () => {
    const plain = await previewImport(t.db, tenantId, FILE);
    expect(plain.offers.createAliasRoles).toBe(2);
    expect(plain.unknownRoles.map((r) => r.name).sort()).toEqual(
      ["Application/x", "bad name", "Internal/ghost", "Internal/portal_user", "subscriber", "SUBSCRIBER"].sort(),
    );
    expect(plain.aliases).toEqual([{ role: "Internal/creator", added: ["creator"], removed: [] }]);

    const options = { addUnknownScopes: false, createAliasRoles: true };
    const preview = await previewImport(t.db, tenantId, FILE, options);
    expect(preview.newRoles).toEqual([
      { name: "subscriber", domain: "PRIMARY", paths: ['RoleMappings["Internal/subscriber"]'] },
      { name: "Internal/portal_user", domain: "Internal", paths: ['RoleMappings["Internal/subscriber"]'] },
    ]);
    expect(preview.unknownRoles.map((r) => r.name).sort()).toEqual(["Application/x", "bad name", "Internal/ghost"].sort());
    expect(preview.aliases).toEqual([
      { role: "Internal/creator", added: ["creator"], removed: [] },
      { role: "Internal/subscriber", added: ["Internal/portal_user", "subscriber"], removed: [] },
    ]);
    expect(await t.db.role.count({ where: newRoles })).toBe(0);

    await applyImport(t.db, admin, { text: FILE, version: preview.version, planHash: preview.planHash, ...options });
    expect((await listRoleAliases(t.db, tenantId)).list).toEqual([
      { role: "Internal/creator", aliases: ["creator"] },
      { role: "Internal/subscriber", aliases: ["Internal/portal_user", "subscriber"] },
    ]);
    const created = await t.db.role.findMany({ where: newRoles, include: { grants: true, memberships: true } });
    expect(created).toHaveLength(2);
    for (const role of created) expect({ grants: role.grants, members: role.memberships }).toEqual({ grants: [], members: [] });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "scopes.imported" } });
    expect(JSON.parse(audit.after!).newRoles).toEqual(["subscriber", "Internal/portal_user"]);

    const again = await previewImport(t.db, tenantId, FILE, options);
    expect({ aliases: again.aliases, newRoles: again.newRoles }).toEqual({ aliases: [], newRoles: [] });
  });

  it("refuses the apply when a role it would create appeared since the preview", async () => {
    const options = { addUnknownScopes: false, createAliasRoles: true };
    const preview = await previewImport(t.db, tenantId, FILE, options);
    await createRole(t.db, admin, { domain: "Internal", name: "portal_user", permissions: [], userIds: [] });
    await expect(
      applyImport(t.db, admin, { text: FILE, version: preview.version, planHash: preview.planHash, ...options }),
    ).rejects.toMatchObject({
      code: "STALE_VERSION",
    });
    expect(await t.db.role.count({ where: { name: "subscriber", store: { domain: "PRIMARY" } } })).toBe(0);
  });
});
