import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { superTenantId } from "../../testing/seed.ts";
import { provision } from "../provisioning/provision.ts";
import { findRoleByName, findRolesByName } from "./find-role.ts";

describe.each(await databaseKinds())("finding roles by WSO2 name on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
  });
  afterAll(() => t.drop());

  it("resolves bare names to PRIMARY and prefixed names to their domain, ignoring case", async () => {
    expect((await findRoleByName(t.db, tenantId, "admin"))?.qualified).toBe("admin");
    expect((await findRoleByName(t.db, tenantId, "PRIMARY/Admin"))?.kind).toBe("admin");
    expect((await findRoleByName(t.db, tenantId, " internal/Creator "))?.qualified).toBe("Internal/creator");
    expect(await findRoleByName(t.db, tenantId, "creator")).toBeNull();
    expect(await findRoleByName(t.db, tenantId, "Internal/nope")).toBeNull();
  });

  it("resolves many names in one go and leaves unknown ones out", async () => {
    const found = await findRolesByName(t.db, tenantId, ["admin", "Internal/publisher", "Internal/observer"]);
    expect([...found.keys()]).toEqual(["admin", "Internal/publisher"]);
  });
});
