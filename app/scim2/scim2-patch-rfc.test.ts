// SCIM 2.0 PATCH on Users, on both databases, through the route handlers: RFC 7644 3.5.2's
// primary demotion (a value set primary demotes the former one, which is kept as type "other")
// and value filters compared case-insensitively where RFC 7643 says caseExact is false.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provision } from "../../lib/provisioning/provision.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic } from "../../testing/oauth2-client.ts";
import { useTestApp } from "../../testing/route-harness.ts";
import { CORE, PATCH_OP, type ScimCall, scimCaller } from "../../testing/scim-client.ts";
import { seedUser } from "../../testing/seed.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

type Op = { op: string; path?: string; value?: unknown };

describe.each(await databaseKinds())("%s: SCIM 2.0 PATCH, RFC 7644 primary and value filters", (kind) => {
  let t: TestDatabase;
  let scim: ScimCall;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    const admin = await seedUser(t.db, { admin: true });
    scim = scimCaller(t.db, basic(admin.username, admin.password));
  });
  afterAll(() => t?.drop());

  const create = async (emails: unknown[]) => {
    const made = await scim("POST", "/Users", { schemas: [CORE], userName: `rfc-${kind}-${++n}`, emails });
    expect(made.status).toBe(201);
    return made.body.id as string;
  };
  const patch = (id: string, ...Operations: Op[]) => scim("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations });

  it("adding a primary email demotes the former primary, kept as type other", async () => {
    const id = await create([{ value: "a@example.com", primary: true }]);
    const answer = await patch(id, { op: "add", path: "emails", value: [{ value: "b@example.com", type: "work", primary: true }] });
    expect(answer.status).toBe(200);
    const read = await scim("GET", `/Users/${id}`);
    expect(read.body.emails).toEqual([
      { value: "b@example.com", primary: true },
      { value: "a@example.com", type: "other" },
    ]);
    expect(answer.body.emails).toEqual(read.body.emails);
  });

  it("setting an existing value primary demotes the former primary", async () => {
    const id = await create([
      { value: "a@example.com", primary: true },
      { value: "h@example.org", type: "home" },
    ]);
    expect((await patch(id, { op: "replace", path: 'emails[type eq "home"].primary', value: true })).status).toBe(200);
    expect((await scim("GET", `/Users/${id}`)).body.emails).toEqual([
      { value: "h@example.org", primary: true },
      { value: "a@example.com", type: "other" },
    ]);
  });

  it("refuses what cannot be kept or decided: two new primaries, a demoted value with no claim left", async () => {
    const id = await create([
      { value: "a@example.com", primary: true },
      { value: "o@example.org", type: "other" },
    ]);
    const two = await patch(id, {
      op: "add",
      path: "emails",
      value: [
        { value: "b@example.com", type: "work", primary: true },
        { value: "c@example.com", type: "home", primary: true },
      ],
    });
    expect(two.status).toBe(400);
    expect(two.body).toMatchObject({ scimType: "invalidValue", detail: expect.stringMatching(/^emails: only one value can be primary/) });
    // a@example.com would lose its primary place and "other" is taken: refused, never dropped.
    const full = await patch(id, { op: "add", path: "emails", value: [{ value: "b@example.com", type: "work", primary: true }] });
    expect(full.status).toBe(400);
    expect(full.body).toMatchObject({ scimType: "invalidValue", detail: expect.stringContaining('"a@example.com" has no type') });
    expect((await scim("GET", `/Users/${id}`)).body.emails).toEqual([
      { value: "a@example.com", primary: true },
      { value: "o@example.org", type: "other" },
    ]);
  });

  it("places untyped values whatever the array's order: the primary claim unless a value is primary, else other", async () => {
    const id = await create([{ value: "u@example.com" }, { value: "p@example.com", type: "work", primary: true }]);
    expect((await scim("GET", `/Users/${id}`)).body.emails).toEqual([
      { value: "p@example.com", primary: true },
      { value: "u@example.com", type: "other" },
    ]);
    const phones = await patch(id, { op: "add", path: "phoneNumbers", value: [{ value: "+1 555 0100" }] });
    expect(phones.body.phoneNumbers).toEqual([{ value: "+1 555 0100", type: "other" }]);
  });

  it("compares value filters' type and value case-insensitively", async () => {
    const id = await create([
      { value: "a@example.com", primary: true },
      { value: "w@example.com", type: "work" },
      { value: "h@example.org", type: "home" },
    ]);
    const answer = await patch(
      id,
      { op: "replace", path: 'emails[type eq "Work"].value', value: "w2@example.com" },
      { op: "remove", path: 'emails[value eq "H@EXAMPLE.ORG"]' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.emails).toEqual([
      { value: "a@example.com", primary: true },
      { value: "w2@example.com", type: "work" },
    ]);
    const none = await patch(id, { op: "replace", path: 'emails[type eq "Home"].value', value: "x@example.org" });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ scimType: "noTarget" });
  });
});
