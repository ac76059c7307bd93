// SCIM 2.0 through the real route handlers, on both databases: RFC 7644's filter examples
// (3.4.2.2), paging (3.4.2.4), attributes (3.4.2.5), sorting, ETags, .search, /Me, Groups, and
// the credentials WSO2's SCIM clients send (HTTP Basic, OAuth2 tokens with IS's scopes).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provision } from "../../lib/provisioning/provision.ts";
import { usernameColumns, roleNameColumns } from "../../lib/stores/look-alike.ts";
import { PRIMARY } from "../../lib/core/domains.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic, clientAuth, dcr, tokenCall, type Registered } from "../../testing/oauth2-client.ts";
import { callRoute, useTestApp } from "../../testing/route-harness.ts";
import { seedUser, superTenantId, TEST_PASSWORD } from "../../testing/seed.ts";
import { provisionTenant, superAdminActor } from "../../testing/tenants.ts";
import * as users from "./Users/route.ts";
import * as user from "./Users/[id]/route.ts";
import * as groups from "./Groups/route.ts";
import * as group from "./Groups/[id]/route.ts";
import * as me from "./Me/route.ts";
import * as spc from "./ServiceProviderConfig/route.ts";
import * as schemas from "./Schemas/route.ts";
import * as schema from "./Schemas/[id]/route.ts";
import * as resourceTypes from "./ResourceTypes/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
type List = { totalResults: number; itemsPerPage: number; startIndex: number; Resources: Record<string, unknown>[] };
type Json = Record<string, unknown>;

describe.each(await databaseKinds())("%s: SCIM 2.0 reads", (kind) => {
  let t: TestDatabase;
  let auth: string;
  let viewer: { username: string; password: string };
  const ids: Record<string, number> = {};
  let teamId: number;
  let otherTenantUserId: number;
  let otherTenantRoleId: number;

  const get = (handler: typeof users.GET, path: string, params: object = {}, headers: Record<string, string> = {}) =>
    callRoute(handler as never, new Request(`${ORIGIN}${path}`, { headers: { authorization: auth, ...headers } }), params);
  const list = async (query: string, expected = 200): Promise<List> => {
    const answer = await get(users.GET, `/scim2/Users?${query}`);
    expect(answer.status, await answer.clone().text()).toBe(expected);
    expect(answer.headers.get("content-type")).toBe("application/scim+json");
    return (await answer.json()) as List;
  };
  const names = async (filter: string) =>
    (await list(`filter=${encodeURIComponent(filter)}&count=200`)).Resources.map((r) => r.userName as string)
      .filter((n) => n in ids)
      .sort();

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    const root = await seedUser(t.db, { admin: true });
    auth = basic(root.username, root.password);
    viewer = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const tenantId = await superTenantId(t.db);
    const store = await t.db.userStore.findUniqueOrThrow({ where: { tenantId_domain: { tenantId, domain: PRIMARY } } });
    const people: Record<string, Record<string, string>> = {
      bjensen: {
        givenname: "Barbara",
        lastname: "Jensen",
        title: "Tour Guide",
        userType: "Employee",
        emailaddress: "bjensen@example.com",
        "emails.work": "babs@example.com",
        mobile: "+1 555 0100",
        employeeNumber: "701984",
        locality: "Hollywood",
      },
      jsmith: { lastname: "O'Malley", userType: "Intern", "emails.home": "jsmith@example.org", title: "Intern" },
      kwild: { lastname: `50%_off\\"*`, userType: "Contractor", "emails.work": "k@example.net" },
      zed: { lastname: "Zed", userType: "Employee" },
    };
    const team = await t.db.role.create({ data: { tenantId, storeId: store.id, ...roleNameColumns("scim_team") } });
    teamId = team.id;
    for (const [name, claims] of Object.entries(people)) {
      const created = await t.db.user.create({
        data: {
          tenantId,
          storeId: store.id,
          ...usernameColumns(name),
          passwordHash: "x",
          claims: { create: Object.entries(claims).map(([c, value]) => ({ claim: `http://wso2.org/claims/${c}`, value })) },
          ...(name === "bjensen" || name === "zed" ? { memberships: { create: { roleId: team.id } } } : {}),
          ...(name === "zed" ? { disabledAt: new Date() } : {}),
        },
      });
      ids[name] = created.id;
    }
    const other = await provisionTenant(t.db, await superAdminActor(t.db), "scim-other.com");
    otherTenantUserId = other.admin.userId;
    otherTenantRoleId = (await t.db.role.findFirstOrThrow({ where: { tenantId: other.tenantId, kind: "admin" } })).id;
  });
  afterAll(() => t.drop());

  it("answers RFC 7644 3.4.2.2's filter examples in the database", async () => {
    expect(await names('userName eq "bjensen"')).toEqual(["bjensen"]);
    expect(await names('userName eq "BJENSEN"')).toEqual(["bjensen"]);
    expect(await names(`name.familyName co "O'Malley"`)).toEqual(["jsmith"]);
    expect(await names('userName sw "J"')).toEqual(["jsmith"]);
    expect(await names(`${CORE}:userName sw "J"`)).toEqual(["jsmith"]);
    expect(await names("title pr")).toEqual(["bjensen", "jsmith"]);
    expect(await names('meta.lastModified gt "2011-05-13T04:42:34Z"')).toEqual(["bjensen", "jsmith", "kwild", "zed"]);
    expect(await names('meta.lastModified lt "2011-05-13T04:42:34Z"')).toEqual([]);
    expect(await names('meta.created ge "2011-05-13T04:42:34Z"')).toEqual(["bjensen", "jsmith", "kwild", "zed"]);
    expect(await names('title pr and userType eq "Employee"')).toEqual(["bjensen"]);
    expect(await names('title pr or userType eq "Intern"')).toEqual(["bjensen", "jsmith"]);
    expect(await names(`schemas eq "${ENTERPRISE}"`)).toEqual(["bjensen"]);
    expect(await names('userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")')).toEqual(["bjensen"]);
    expect(await names('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")')).toEqual(["kwild"]);
    expect(await names('userType eq "Employee" and (emails.type eq "work")')).toEqual(["bjensen"]);
    expect(await names('userType eq "Employee" and emails[type eq "work" and value co "@example.com"]')).toEqual(["bjensen"]);
    expect(await names('emails[type eq "home" and value co "@example.com"]')).toEqual([]);
    expect(await names('emails[type eq "home" and value co "@example.org"]')).toEqual(["jsmith"]);
    expect(await names('phoneNumbers[type eq "mobile"]')).toEqual(["bjensen"]);
    expect(await names('addresses[locality eq "hollywood"]')).toEqual(["bjensen"]);
    expect(await names(`${ENTERPRISE}:employeeNumber eq "701984"`)).toEqual(["bjensen"]);
    expect(await names("active eq false")).toEqual(["zed"]);
    expect(await names('groups.display eq "scim_team"')).toEqual(["bjensen", "zed"]);
    expect(await names(`groups eq "${teamId}" and active eq true`)).toEqual(["bjensen"]);
    expect(await names(`id eq "${ids.kwild}"`)).toEqual(["kwild"]);
    expect(await names('id eq "not-an-id"')).toEqual([]);
  });

  it("takes hostile values as literal text: quotes, *, %, _, backslash", async () => {
    expect(await names(String.raw`name.familyName eq "50%_off\\\"*"`)).toEqual(["kwild"]);
    expect(await names('name.familyName co "%"')).toEqual(["kwild"]);
    expect(await names('name.familyName co "_"')).toEqual(["kwild"]);
    expect(await names('name.familyName co "*"')).toEqual(["kwild"]);
    expect(await names(String.raw`name.familyName co "f\\\""`)).toEqual(["kwild"]);
    expect(await names(String.raw`name.familyName co "\\\""`)).toEqual(["kwild"]);
    // scim2-parse-filter reads a value's final backslash as escaping the closing quote: refused, never a 5xx.
    expect((await get(users.GET, `/scim2/Users?filter=${encodeURIComponent(String.raw`name.familyName co "\\"`)}`)).status).toBe(400);
    expect(await names('name.familyName sw "5%"')).toEqual([]);
    expect(await names('userName co "%"')).toEqual([]);
    expect(await names('userName eq "x\' OR 1=1 --"')).toEqual([]);
    // JSON escapes in values are decoded: \u0025 is "%", taken literally; one that decodes to NUL is refused.
    expect(await names(String.raw`name.familyName sw "50\u0025_"`)).toEqual(["kwild"]);
    expect((await get(users.GET, `/scim2/Users?filter=${encodeURIComponent(String.raw`name.familyName eq "\u0000"`)}`)).status).toBe(400);
    // A raw NUL in the query is refused before any SQL, in SCIM's error shape.
    const nul = await get(users.GET, `/scim2/Users?filter=${encodeURIComponent('userName eq "\u0000"')}`);
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ schemas: [ERROR], status: "400" });
  });

  it("refuses bad filters with 400 invalidFilter in SCIM's error body", async () => {
    for (const filter of [
      'userName eq "x" and',
      "userName zz 3",
      'ims[type eq "xmpp"]',
      'nosuch eq "x"',
      'meta.created gt "yesterday"',
      'active eq "yes"',
      `${"not (".repeat(30)}title pr${")".repeat(30)}`,
    ]) {
      const answer = await get(users.GET, `/scim2/Users?filter=${encodeURIComponent(filter)}`);
      expect(answer.status, filter).toBe(400);
      expect(answer.headers.get("content-type")).toBe("application/scim+json");
      expect(await answer.json()).toMatchObject({ schemas: [ERROR], status: "400", scimType: "invalidFilter" });
    }
    const badSort = await get(users.GET, "/scim2/Users?sortBy=nosuch");
    expect(badSort.status).toBe(400);
    expect(await badSort.json()).toMatchObject({ scimType: "invalidPath" });
  });

  it("pages by startIndex and count (RFC 7644 3.4.2.4), sorts, and counts every match", async () => {
    const filter = encodeURIComponent("userType pr");
    const first = await list(`filter=${filter}&sortBy=userName&startIndex=1&count=2`);
    expect(first).toMatchObject({ totalResults: 4, itemsPerPage: 2, startIndex: 1 });
    expect(first.Resources.map((r) => r.userName)).toEqual(["bjensen", "jsmith"]);
    const second = await list(`filter=${filter}&sortBy=userName&startIndex=3&count=2`);
    expect(second.Resources.map((r) => r.userName)).toEqual(["kwild", "zed"]);
    expect((await list(`filter=${filter}&startIndex=9&count=2`)).Resources).toEqual([]);
    expect(await list(`filter=${filter}&count=0`)).toMatchObject({ totalResults: 4, itemsPerPage: 0, Resources: [] });
    expect(await list(`filter=${filter}&startIndex=-4&count=1`)).toMatchObject({ startIndex: 1, itemsPerPage: 1 });
    const byFamily = await list(`filter=${filter}&sortBy=name.familyName&sortOrder=descending`);
    expect(byFamily.Resources.map((r) => r.userName)).toEqual(["zed", "jsmith", "bjensen", "kwild"]);
    expect((await list("count=abc", 400)) as unknown).toMatchObject({ schemas: [ERROR], status: "400" });
  });

  it("pages by cursor (RFC 9865): nextCursor until the last page, in the sort's order", async () => {
    const filter = encodeURIComponent("userType pr");
    for (const [sortBy, order, expected] of [
      ["userName", "ascending", ["bjensen", "jsmith", "kwild", "zed"]],
      ["userName", "descending", ["zed", "kwild", "jsmith", "bjensen"]],
      ["meta.created", "ascending", ["bjensen", "jsmith", "kwild", "zed"]],
      ["id", "descending", ["zed", "kwild", "jsmith", "bjensen"]],
    ] as const) {
      const seen: unknown[] = [];
      let cursor = "";
      for (let page = 0; page < 5; page++) {
        const body = (await list(
          `filter=${filter}&sortBy=${sortBy}&sortOrder=${order}&count=3&cursor=${encodeURIComponent(cursor)}`,
        )) as List & {
          nextCursor?: string;
        };
        expect(body.totalResults).toBe(4);
        expect(body).not.toHaveProperty("startIndex");
        seen.push(...body.Resources.map((r) => r.userName));
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      expect(seen, `${sortBy} ${order}`).toEqual(expected);
    }
    for (const cursor of ["garbage", Buffer.from('["x"]').toString("base64url")]) {
      const answer = await get(users.GET, `/scim2/Users?sortBy=userName&cursor=${cursor}`);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ scimType: "invalidCursor" });
    }
    expect((await get(users.GET, "/scim2/Users?sortBy=name.familyName&cursor=")).status).toBe(400);
    const groupsPage = (await (await get(groups.GET, "/scim2/Groups?sortBy=displayName&count=1&cursor=")).json()) as List & {
      nextCursor?: string;
    };
    expect(groupsPage.Resources).toHaveLength(1);
    expect(groupsPage.nextCursor).toBeTruthy();
  });

  it("maps claims onto the core and enterprise schemas, and projects attributes (RFC 7644 3.4.2.5)", async () => {
    const answer = await get(user.GET, `/scim2/Users/${ids.bjensen}`, { id: String(ids.bjensen) });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as Json;
    expect(body).toMatchObject({
      schemas: [CORE, ENTERPRISE],
      id: String(ids.bjensen),
      userName: "bjensen",
      name: { givenName: "Barbara", familyName: "Jensen" },
      title: "Tour Guide",
      userType: "Employee",
      active: true,
      emails: [
        { value: "bjensen@example.com", primary: true },
        { value: "babs@example.com", type: "work" },
      ],
      phoneNumbers: [{ value: "+1 555 0100", type: "mobile" }],
      addresses: [{ type: "home", locality: "Hollywood" }],
      groups: [{ value: String(teamId), display: "scim_team", $ref: `${ORIGIN}/scim2/Groups/${teamId}` }],
      [ENTERPRISE]: { employeeNumber: "701984" },
      meta: { resourceType: "User", location: `${ORIGIN}/scim2/Users/${ids.bjensen}` },
    });
    const meta = body.meta as Json;
    // WSO2's tenant address (proxy.ts rewrites /t/carbon.super/scim2/… and names the tenant in a header).
    const viaTenant = await get(
      user.GET,
      `/scim2/Users/${ids.bjensen}`,
      { id: String(ids.bjensen) },
      { "x-gatehouse-path-tenant": "carbon.super" },
    );
    expect(((await viaTenant.json()) as { meta: Json }).meta.location).toBe(`${ORIGIN}/t/carbon.super/scim2/Users/${ids.bjensen}`);
    expect(answer.headers.get("etag")).toBe(meta.version);
    expect(meta.version).toMatch(/^W\/"\d+"$/);

    const only = await list(
      `filter=${encodeURIComponent('userName eq "bjensen"')}&attributes=userName,name.familyName,${ENTERPRISE}:employeeNumber`,
    );
    expect(only.Resources[0]).toEqual({
      schemas: [CORE, ENTERPRISE],
      id: String(ids.bjensen),
      userName: "bjensen",
      name: { familyName: "Jensen" },
      [ENTERPRISE]: { employeeNumber: "701984" },
    });
    const without = await list(
      `filter=${encodeURIComponent('userName eq "bjensen"')}&excludedAttributes=groups,meta,emails,name.givenName`,
    );
    expect(without.Resources[0]).not.toHaveProperty("groups");
    expect(without.Resources[0]).not.toHaveProperty("meta");
    expect(without.Resources[0]).not.toHaveProperty("emails");
    expect(without.Resources[0]).toMatchObject({ name: { familyName: "Jensen" }, userName: "bjensen" });
    expect(without.Resources[0]!.name).not.toHaveProperty("givenName");
  });

  it("answers If-None-Match with 304 while the version holds, and 200 once it moved", async () => {
    const path = `/scim2/Users/${ids.jsmith}`;
    const first = await get(user.GET, path, { id: String(ids.jsmith) });
    const etag = first.headers.get("etag")!;
    const again = await get(user.GET, path, { id: String(ids.jsmith) }, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    await t.db.user.update({ where: { id: ids.jsmith }, data: { version: { increment: 1 } } });
    const moved = await get(user.GET, path, { id: String(ids.jsmith) }, { "if-none-match": etag });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("etag")).not.toBe(etag);
  });

  it("answers another tenant's ids exactly as missing ones: 404", async () => {
    for (const id of [String(otherTenantUserId), "999999999", "abc", "-1"]) {
      const answer = await get(user.GET, `/scim2/Users/${id}`, { id });
      expect(answer.status, id).toBe(404);
      expect(await answer.json()).toMatchObject({ schemas: [ERROR], status: "404" });
    }
    const role = await get(group.GET, `/scim2/Groups/${otherTenantRoleId}`, { id: String(otherTenantRoleId) });
    expect(role.status).toBe(404);
    const all = await list(`filter=${encodeURIComponent(`id eq "${otherTenantUserId}"`)}`);
    expect(all.totalResults).toBe(0);
    const groupsAnswer = (await (
      await get(groups.GET, `/scim2/Groups?filter=${encodeURIComponent(`id eq "${otherTenantRoleId}"`)}`)
    ).json()) as List;
    expect(groupsAnswer.totalResults).toBe(0);
  });

  it("searches by POST .search with the list's parameters in the body", async () => {
    const request = new Request(`${ORIGIN}/scim2/Users/.search`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/scim+json" },
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
        attributes: ["userName"],
        filter: 'userType eq "Employee"',
        sortBy: "userName",
        startIndex: 1,
        count: 10,
      }),
    });
    const answer = await callRoute(user.POST as never, request, { id: ".search" });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as List;
    expect(body.totalResults).toBe(2);
    expect(body.Resources).toEqual([
      { schemas: [CORE, ENTERPRISE], id: String(ids.bjensen), userName: "bjensen" },
      { schemas: [CORE], id: String(ids.zed), userName: "zed" },
    ]);
  });

  it("lists Groups with their members, filters them, and answers /Me", async () => {
    const answer = await get(groups.GET, `/scim2/Groups?filter=${encodeURIComponent('displayName eq "scim_team"')}`);
    const body = (await answer.json()) as List;
    expect(body.totalResults).toBe(1);
    expect(body.Resources[0]).toMatchObject({
      id: String(teamId),
      displayName: "scim_team",
      members: [
        { value: String(ids.bjensen), display: "bjensen", type: "User" },
        { value: String(ids.zed), display: "zed", type: "User" },
      ],
      meta: { resourceType: "Group" },
    });
    const byMember = (await (
      await get(groups.GET, `/scim2/Groups?filter=${encodeURIComponent(`members[value eq "${ids.zed}"]`)}`)
    ).json()) as List;
    expect(byMember.Resources.map((r) => r.displayName)).toEqual(["scim_team"]);
    const one = await get(group.GET, `/scim2/Groups/${teamId}?excludedAttributes=members`, { id: String(teamId) });
    expect(one.status).toBe(200);
    expect(await one.json()).not.toHaveProperty("members");

    const mine = await callRoute(
      me.GET as never,
      new Request(`${ORIGIN}/scim2/Me`, { headers: { authorization: basic(viewer.username, viewer.password) } }),
      {},
    );
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ userName: viewer.username });
  });

  it("refuses a principal without the permission (403) and wrong credentials (401)", async () => {
    const as = (authorization: string) =>
      callRoute(users.GET as never, new Request(`${ORIGIN}/scim2/Users`, { headers: { authorization } }), {});
    const forbidden = await as(basic(viewer.username, viewer.password));
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toBe("application/scim+json");
    expect(await forbidden.json()).toMatchObject({ schemas: [ERROR], status: "403" });
    const group403 = await callRoute(
      groups.GET as never,
      new Request(`${ORIGIN}/scim2/Groups`, { headers: { authorization: basic(viewer.username, viewer.password) } }),
      {},
    );
    expect(group403.status).toBe(403);
    const wrong = await as(basic(viewer.username, "wrong"));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain("Basic");
    expect((await as("")).status).toBe(401);
  });

  it("takes OAuth2 tokens holding IS's scopes: internal_user_mgt_list for the list, _view for one user", async () => {
    const admin = await seedUser(t.db, { admin: true });
    const registered = await dcr(basic(admin.username, TEST_PASSWORD), {
      clientName: `scim_${kind}`,
      owner: admin.username,
      grantType: "password",
      saasApp: true,
    });
    const app = (await registered.json()) as Registered;
    const token = async (scope: string) =>
      (await (
        await tokenCall({ grant_type: "password", username: admin.username, password: TEST_PASSWORD, scope }, clientAuth(app))
      ).json()) as { access_token: string; scope: string };
    const listing = await token("internal_user_mgt_list internal_group_mgt_view");
    expect(listing.scope.split(" ").sort()).toEqual(["internal_group_mgt_view", "internal_user_mgt_list"]);
    const bearer = (tk: { access_token: string }) => `Bearer ${tk.access_token}`;
    expect(
      (await callRoute(users.GET as never, new Request(`${ORIGIN}/scim2/Users`, { headers: { authorization: bearer(listing) } }), {}))
        .status,
    ).toBe(200);
    expect(
      (await callRoute(groups.GET as never, new Request(`${ORIGIN}/scim2/Groups`, { headers: { authorization: bearer(listing) } }), {}))
        .status,
    ).toBe(200);
    const id = String(ids.bjensen);
    const one = (tk: { access_token: string }) =>
      callRoute(user.GET as never, new Request(`${ORIGIN}/scim2/Users/${id}`, { headers: { authorization: bearer(tk) } }), { id });
    expect((await one(listing)).status).toBe(403);
    expect((await one(await token("internal_user_mgt_view"))).status).toBe(200);
  });

  it("publishes what is built: ServiceProviderConfig, Schemas, ResourceTypes", async () => {
    const config = (await (await spc.GET()).json()) as Json;
    expect(config).toMatchObject({
      patch: { supported: true },
      changePassword: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      sort: { supported: true },
      etag: { supported: true },
    });
    expect((config.authenticationSchemes as Json[]).map((s) => s.type)).toEqual(["oauthbearertoken", "httpbasic"]);
    const all = (await (await schemas.GET()).json()) as List;
    expect(all.Resources.map((s) => s.id)).toEqual([CORE, ENTERPRISE, "urn:ietf:params:scim:schemas:core:2.0:Group"]);
    const core = await schema.GET(new Request(`${ORIGIN}/scim2/Schemas/${CORE}`), { params: Promise.resolve({ id: CORE }) });
    const coreSchema = (await core.json()) as Json & { attributes: Json[] };
    expect(coreSchema.name).toBe("User");
    const mutability = Object.fromEntries(coreSchema.attributes.map((a) => [a.name, a.mutability]));
    expect(mutability).toMatchObject({
      id: "readOnly",
      userName: "immutable",
      password: "writeOnly",
      active: "readWrite",
      groups: "readOnly",
    });
    expect(mutability.emails).toBe("readWrite");
    expect((await schema.GET(new Request(`${ORIGIN}/scim2/Schemas/x`), { params: Promise.resolve({ id: "x" }) })).status).toBe(404);
    const types = (await (await resourceTypes.GET()).json()) as List;
    expect(types.Resources.map((r) => r.endpoint)).toEqual(["/Users", "/Groups"]);
  });
});
