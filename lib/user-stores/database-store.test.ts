import { afterAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { superTenantId } from "../../testing/seed.ts";
import { PRIMARY } from "../core/domains.ts";
import { AppError } from "../errors.ts";
import { provision } from "../provisioning/provision.ts";
import { roleNameColumns } from "../stores/look-alike.ts";
import { findStore } from "../stores/list-stores.ts";
import { databaseStore } from "./database-store.ts";
import { userStoreContract } from "./user-store-contract.ts";
import { userStoreFor } from "./user-store-for.ts";

describe.each(await databaseKinds())("the database user store on %s", (kind) => {
  let t: TestDatabase;
  afterAll(() => t.drop());

  userStoreContract(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    const tenantId = await superTenantId(t.db);
    const store = await findStore(t.db, tenantId, PRIMARY);
    await t.db.userStore.create({ data: { tenantId, domain: "READONLY", kind: "secondary", readOnly: true } });
    const group = await t.db.role.create({ data: { tenantId, storeId: store.id, ...roleNameColumns("contract-group") } });
    return {
      db: t.db,
      tenantId,
      users: userStoreFor(store),
      store,
      readOnlyStore: await findStore(t.db, tenantId, "READONLY"),
      group: { id: group.id, memberCount: 0 },
      prefix: "ct_",
    };
  });
});

describe("userStoreFor", () => {
  const row = { id: 1, domain: "X", kind: "secondary", readOnly: false };
  it("picks the database store for today's rows", () => {
    expect(userStoreFor(row)).toBe(databaseStore);
  });
  it("refuses an unknown type and a store that holds only roles with an AppError", () => {
    expect(() => userStoreFor({ ...row, type: "carrier-pigeon" })).toThrow(AppError);
    expect(() => userStoreFor({ ...row, kind: "internal" })).toThrow(/holds roles, not users/);
  });
});
