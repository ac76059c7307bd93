import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { getUser } from "../users/get-user.ts";
import { updateUserClaims } from "../users/update-user-claims.ts";
import { claimLabels, profileClaimRules } from "./profile-claims.ts";
import { profileSchema } from "./profile-rules.ts";

const config = testConfig();
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = config;
const C = "http://wso2.org/claims";

describe.each(await databaseKinds())("the profile editor driven by claims on %s", (kind) => {
  let t: TestDatabase;
  let admin: Actor;
  let tenantId: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
  });
  afterAll(() => t.drop());

  it("shows the six profile claims by default, in display order, and leaves computed claims out", async () => {
    expect((await profileClaimRules(t.db, tenantId)).map((c) => c.displayName)).toEqual([
      "First name",
      "Last name",
      "Email",
      "Organization",
      "Country",
      "Telephone",
    ]);
    const filterable = (await claimLabels(t.db, tenantId)).map((c) => c.uri);
    expect(filterable).toContain(`${C}/mobile`);
    expect(filterable).not.toContain(`${C}/username`);
    expect(filterable).not.toContain(`${C}/identity/accountLocked`);
  });

  it("enforces required, regex and read-only on the server, every error at once", async () => {
    await t.db.claim.create({
      data: {
        tenantId,
        uri: `${C}/employeeid`,
        displayName: "Employee ID",
        regEx: "^E\\d{4}$",
        required: true,
        supportedByDefault: true,
        displayOrder: 7,
      },
    });
    await t.db.claim.updateMany({ where: { tenantId, uri: `${C}/organization` }, data: { readOnly: true } });
    const target = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    await t.db.userClaim.createMany({
      data: [
        { userId: target.id, claim: `${C}/organization`, value: "Fixed Corp" },
        { userId: target.id, claim: `${C}/mobile`, value: "+44 1" },
      ],
    });
    const user = await getUser(t.db, tenantId, target.id);
    const base = { id: user.id, version: user.version };
    const bad = { ...base, [`${C}/emailaddress`]: "not an email", [`${C}/employeeid`]: "" };
    await expect(updateUserClaims(t.db, admin, bad)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: {
        fieldErrors: {
          [`${C}/emailaddress`]: ["Enter an email address like name@example.com."],
          [`${C}/employeeid`]: ["Enter employee id; it is required."],
        },
      },
    });
    // The browser's check gives the same answer from the same rules.
    const rules = await profileClaimRules(t.db, tenantId);
    expect(
      profileSchema(rules)
        .safeParse({ ...bad, [`${C}/employeeid`]: "X1" })
        .error?.issues.map((i) => i.message),
    ).toEqual(["Enter an email address like name@example.com.", `Employee ID must match ^E\\d{4}$.`]);

    const good = { ...base, [`${C}/emailaddress`]: "a@example.com", [`${C}/employeeid`]: " E1234 ", [`${C}/organization`]: "Forged" };
    await updateUserClaims(t.db, admin, good);
    // Read-only organization and mobile (not shown by default) keep their values.
    expect((await getUser(t.db, tenantId, target.id)).claims).toEqual({
      [`${C}/emailaddress`]: "a@example.com",
      [`${C}/employeeid`]: "E1234",
      [`${C}/organization`]: "Fixed Corp",
      [`${C}/mobile`]: "+44 1",
    });
  });
});
