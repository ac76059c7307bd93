import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { IN_FLIGHT, race, twoInstances } from "../../testing/race.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { provision } from "../provisioning/provision.ts";
import { createRole } from "../roles/create-role.ts";
import { deleteRole } from "../roles/delete-role.ts";
import { listScopes } from "./list-scopes.ts";
import { mappingVersionKey, readMappingVersion } from "../roles/mapping-version.ts";
import { setScopeRoles } from "./set-scope-roles.ts";

// The APIM-compatible PUT /system-scopes carries no version: concurrent bodies queue on the
// tenant's mapping-version row and each applies whole, from the very first write on.
describe.each(await databaseKinds())("concurrent scope mapping writes on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  let pick: (i: number) => Db;
  let close: () => Promise<void>;
  const rolesOf = async () => new Map((await listScopes(t.db, tenantId)).scopes.map((s) => [s.name, s.roles]));

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    ({ pick, close } = twoInstances(t.target));
  });
  afterAll(async () => {
    await close();
    await t.drop();
  });

  it("provisioning creates the mapping-version row, so first writers do not race to create it", async () => {
    expect(await t.db.setting.findUnique({ where: { key: mappingVersionKey(tenantId) } })).toMatchObject({ value: "1" });
  });

  it("version-less PUTs of different scopes all apply, one version each, even where the first of them creates the row", async () => {
    await createRole(t.db, admin, { domain: "PRIMARY", name: "mapper", permissions: [], userIds: [] });
    // As on a database provisioned before the row existed: the writers themselves create it.
    await t.db.setting.delete({ where: { key: mappingVersionKey(tenantId) } });
    const before = await rolesOf();
    const scopes = [...before.keys()].slice(0, IN_FLIGHT);
    const out = await race(
      scopes.map((name, i) => () => setScopeRoles(pick(i), admin, { scopes: [{ name, roles: [...before.get(name)!, "mapper"] }] })),
    );
    expect(out.failures).toEqual([]);
    expect(out.refused).toEqual({});
    expect(await readMappingVersion(t.db, tenantId)).toBe(1 + IN_FLIGHT);
    const after = await rolesOf();
    for (const name of scopes) expect([...after.get(name)!].sort()).toEqual([...before.get(name)!, "mapper"].sort());
  });

  it("PUTs and deletions of the roles they name: each applies or is refused, never a 500; the version counts each change", async () => {
    const roles = await Promise.all(
      Array.from({ length: IN_FLIGHT / 2 }, (_, i) =>
        createRole(t.db, admin, { domain: "PRIMARY", name: `doomed_${i}`, permissions: [], userIds: [] }),
      ),
    );
    const before = await rolesOf();
    const scopes = [...before.keys()].slice(0, roles.length);
    const start = await readMappingVersion(t.db, tenantId);
    const out = await race(
      roles.flatMap((role, i) => [
        () => {
          const name = scopes[i]!;
          return setScopeRoles(pick(i), admin, { scopes: [{ name, roles: [...before.get(name)!, role.qualified] }] }).then(() => "mapped");
        },
        () => deleteRole(pick(i + 1), admin, { id: role.id, version: 1 }).then(() => "deleted"),
      ]),
    );
    expect(out.failures).toEqual([]);
    expect(Object.keys(out.refused).filter((code) => code !== "NOT_FOUND" && code !== "INVALID_INPUT")).toEqual([]);
    expect(out.values.filter((v) => v === "deleted")).toHaveLength(roles.length);
    // A mapping that applied was taken away again by its role's deletion: two versions.
    expect(await readMappingVersion(t.db, tenantId)).toBe(start + 2 * out.values.filter((v) => v === "mapped").length);
    expect(await t.db.scopeRole.count({ where: { roleId: { in: roles.map((r) => r.id) } } })).toBe(0);
  });
});
