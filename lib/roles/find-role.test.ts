import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisionedDatabase, databaseKinds, type ProvisionedDatabase } from "../../testing/databases.ts";
import { findRoleByName, findRolesByName } from "./find-role.ts";

describe.each(await databaseKinds())("finding roles by WSO2 name on %s", (kind) => {
  let t: ProvisionedDatabase;
  let tenantId: number;
  beforeAll(async () => {
    t = await createProvisionedDatabase(kind);
    tenantId = t.tenantId;
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
