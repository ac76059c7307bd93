// SCIM 2.0 writes of WSO2's default claims out of the box, on both databases: the attributes
// Azure AD and Okta send (displayName, nickName, title, externalId, typed emails and phones, the
// address, the enterprise extension) land in built-in claims that are not on the profile editor,
// read back, filter, patch; read-only claims and callers without users.profile stay refused.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { profileClaimRules } from "../../lib/claims/profile-claims.ts";
import { provision } from "../../lib/provisioning/provision.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic } from "../../testing/oauth2-client.ts";
import { callRoute, useTestApp } from "../../testing/route-harness.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { TENANT_PASSWORD } from "../../testing/tenants.ts";
import * as users from "./Users/route.ts";
import * as user from "./Users/[id]/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const C = "http://wso2.org/claims";
type Json = Record<string, unknown>;
type Op = { op: string; path?: string; value?: unknown };

/** What an Azure AD provisioning run sends for a new user. */
const azureUser = (userName: string, externalId: string): Json => ({
  schemas: [CORE, ENTERPRISE],
  userName,
  password: TENANT_PASSWORD,
  externalId,
  displayName: "Barbara Jensen",
  nickName: "Babs",
  title: "Tour Guide",
  name: { givenName: "Barbara", familyName: "Jensen" },
  emails: [
    { value: "bjensen@work.example.com", type: "work" },
    { value: "babs@home.example.org", type: "home" },
  ],
  phoneNumbers: [{ value: "+1 555 0100", type: "mobile" }],
  addresses: [{ type: "home", streetAddress: "100 Universal City Plaza", locality: "Hollywood", postalCode: "91608" }],
  [ENTERPRISE]: { employeeNumber: "701984", department: "Tour Operations" },
});

describe.each(await databaseKinds())("%s: SCIM 2.0 writes WSO2's default claims out of the box", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: { username: string; password: string };
  let creator: { username: string; password: string };
  let profiler: { username: string; password: string };
  const auth = () => basic(admin.username, admin.password);

  const call = (handler: unknown, method: string, path: string, authorization: string, body?: unknown, params = {}) =>
    callRoute(
      handler as never,
      new Request(`${ORIGIN}${path}`, {
        method,
        headers: { authorization, "content-type": "application/scim+json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      params,
    );
  const post = (body: Json, authorization = auth()) => call(users.POST, "POST", "/scim2/Users", authorization, body);
  const get = async (id: string) => (await (await call(user.GET, "GET", `/scim2/Users/${id}`, auth(), undefined, { id })).json()) as Json;
  const patch = (id: string, ops: Op[], authorization = auth()) =>
    call(user.PATCH, "PATCH", `/scim2/Users/${id}`, authorization, { schemas: [PATCH_OP], Operations: ops }, { id });
  const names = async (filter: string) => {
    const answer = await call(users.GET, "GET", `/scim2/Users?filter=${encodeURIComponent(filter)}`, auth());
    expect(answer.status, filter).toBe(200);
    return ((await answer.json()) as { Resources?: Json[] }).Resources?.map((r) => r.userName) ?? [];
  };
  const created = async (body: Json) => {
    const answer = await post(body);
    expect(answer.status, await answer.clone().text()).toBe(201);
    return (await answer.json()) as Json & { id: string };
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await seedUser(t.db, { admin: true });
    creator = await seedUser(t.db, { grants: ["/permission/admin/manage/identity/usermgt/create"] });
    profiler = await seedUser(t.db, {
      grants: ["/permission/admin/manage/identity/usermgt/view", "/permission/admin/configure/security/usermgt/profiles"],
    });
  });
  afterAll(() => t.drop());

  it("POST with Azure AD's attributes is 201 and GET returns every one; they are stored in WSO2's claims", async () => {
    const expected = {
      userName: "azure_bjensen",
      externalId: "a1b2c3",
      displayName: "Barbara Jensen",
      nickName: "Babs",
      title: "Tour Guide",
      name: { givenName: "Barbara", familyName: "Jensen" },
      emails: expect.arrayContaining([
        expect.objectContaining({ value: "bjensen@work.example.com", type: "work" }),
        expect.objectContaining({ value: "babs@home.example.org", type: "home" }),
      ]),
      phoneNumbers: [expect.objectContaining({ value: "+1 555 0100", type: "mobile" })],
      addresses: [expect.objectContaining({ streetAddress: "100 Universal City Plaza", locality: "Hollywood", postalCode: "91608" })],
      [ENTERPRISE]: expect.objectContaining({ employeeNumber: "701984", department: "Tour Operations" }),
    };
    const body = await created(azureUser("azure_bjensen", "a1b2c3"));
    expect(body).toMatchObject(expected);
    expect(await get(body.id)).toMatchObject(expected);
    const rows = await t.db.userClaim.findMany({ where: { userId: Number(body.id) }, select: { claim: true, value: true } });
    expect(Object.fromEntries(rows.map((r) => [r.claim, r.value]))).toMatchObject({
      [`${C}/externalid`]: "a1b2c3",
      [`${C}/nickname`]: "Babs",
      [`${C}/title`]: "Tour Guide",
      [`${C}/emails.work`]: "bjensen@work.example.com",
      [`${C}/department`]: "Tour Operations",
    });
  });

  it("filters by externalId and title, as Azure AD asks before it creates", async () => {
    await created(azureUser("azure_other", "zz-99"));
    expect(await names('externalId eq "a1b2c3"')).toEqual(["azure_bjensen"]);
    expect(await names('externalId eq "nobody"')).toEqual([]);
    expect(await names('title eq "Tour Guide"')).toEqual(["azure_bjensen", "azure_other"]);
    expect(await names(`${ENTERPRISE}:employeeNumber eq "701984" and externalId eq "zz-99"`)).toEqual(["azure_other"]);
  });

  it("PATCH replaces and removes such attributes; the profile editor's claims are untouched", async () => {
    const { id } = await created(azureUser("azure_patched", "p-1"));
    const answer = await patch(id, [
      { op: "replace", path: "title", value: "Lead Guide" },
      { op: "replace", path: "displayName", value: "Babs J." },
      { op: "replace", path: 'emails[type eq "work"].value', value: "lead@work.example.com" },
      { op: "replace", path: `${ENTERPRISE}:department`, value: "Guides" },
      { op: "remove", path: "nickName" },
      { op: "remove", path: 'emails[type eq "home"]' },
      { op: "remove", path: "addresses" },
    ]);
    expect(answer.status, await answer.clone().text()).toBe(200);
    const after = await get(id);
    expect(after).toMatchObject({
      title: "Lead Guide",
      displayName: "Babs J.",
      emails: [expect.objectContaining({ value: "lead@work.example.com", type: "work" })],
      name: { givenName: "Barbara", familyName: "Jensen" },
      [ENTERPRISE]: expect.objectContaining({ department: "Guides", employeeNumber: "701984" }),
    });
    expect(after).not.toHaveProperty("nickName");
    expect(after).not.toHaveProperty("addresses");
    expect(await names('externalId eq "p-1" and title eq "Lead Guide"')).toEqual(["azure_patched"]);
  });

  it("a claim's definition still applies: a bad work email is 400 and nothing is created", async () => {
    const answer = await post({ ...azureUser("azure_bad", "bad-1"), emails: [{ value: "not an address", type: "work" }] });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain(`${C}/emails.work`);
    expect(await t.db.user.count({ where: { username: "azure_bad" } })).toBe(0);
  });

  it("a claim an admin made read-only is refused with 400 naming it, on POST and PATCH, and nothing is written", async () => {
    await t.db.claim.updateMany({ where: { tenantId, uri: `${C}/title` }, data: { readOnly: true } });
    try {
      const answer = await post({ ...azureUser("azure_ro", "ro-1") });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ status: "400", scimType: "mutability", detail: expect.stringContaining(`${C}/title`) });
      expect(await t.db.user.count({ where: { username: "azure_ro" } })).toBe(0);
      const id = String((await t.db.user.findFirstOrThrow({ where: { username: "azure_bjensen" } })).id);
      const refused = await patch(id, [{ op: "replace", path: "title", value: "Boss" }]);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain(`${C}/title`);
      expect((await get(id)).title).toBe("Tour Guide");
    } finally {
      await t.db.claim.updateMany({ where: { tenantId, uri: `${C}/title` }, data: { readOnly: false } });
    }
  });

  it("an attribute mapped onto one of Gatehouse's own columns (a built-in read-only claim) is 400 naming it", async () => {
    const locked = `${C}/identity/accountLocked`;
    await t.db.scimClaimMapping.create({ data: { tenantId, attribute: `${CORE}:nickName`, claimUri: locked } });
    try {
      const answer = await post(azureUser("azure_locked", "lk-1"));
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ scimType: "mutability", detail: expect.stringContaining(locked) });
      expect(await t.db.user.count({ where: { username: "azure_locked" } })).toBe(0);
    } finally {
      await t.db.scimClaimMapping.deleteMany({ where: { tenantId } });
    }
  });

  it("writing these claims still needs users.profile: 403 without it, nothing created; with it, 200", async () => {
    const refused = await post(
      { schemas: [CORE], userName: "by_creator", password: TENANT_PASSWORD, nickName: "x" },
      basic(creator.username, creator.password),
    );
    expect(refused.status).toBe(403);
    expect(await t.db.user.count({ where: { username: "by_creator" } })).toBe(0);
    const { id } = await created(azureUser("azure_profiled", "pr-1"));
    const ok = await patch(id, [{ op: "replace", path: "nickName", value: "Pro" }], basic(profiler.username, profiler.password));
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await get(id)).nickName).toBe("Pro");
  });

  it("the console's profile editor still shows only the supported-by-default claims", async () => {
    expect((await profileClaimRules(t.db, tenantId)).map((r) => r.uri)).toEqual(
      ["givenname", "lastname", "emailaddress", "organization", "country", "telephone"].map((c) => `${C}/${c}`),
    );
  });
});
