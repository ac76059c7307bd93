/**
 * Issue #15's isolation matrix through the MI's /management routes (A's management token), DCR (A's
 * admin by Basic) and OAuth2 (A's client): B's users, roles, stores, clients and tokens by name or
 * value answer exactly as missing ones, A's lists hold none of B's, and B is unchanged after every
 * write. Creates run last: they take B's names, which are free in A (names are per tenant).
 */
import { expect, it, vi } from "vitest";
import { isolationMatrix, type Call, type Row } from "../testing/isolation-matrix.ts";
import { request, type IsolationWorld } from "../testing/isolation-world.ts";
import { basic } from "../testing/management-client.ts";
import { clientAuth } from "../testing/oauth2-client.ts";
import { callRoute } from "../testing/route-harness.ts";
import { TENANT_PASSWORD } from "../testing/tenants.ts";
import * as exportUsers from "./management/export/users/route.ts";
import * as register from "./client-registration/v0.17/register/route.ts";
import * as role from "./management/roles/[role]/route.ts";
import * as roles from "./management/roles/route.ts";
import * as store from "./management/user-stores/[domain]/route.ts";
import * as sync from "./management/user-stores/[domain]/sync/route.ts";
import * as storeTest from "./management/user-stores/[domain]/test/route.ts";
import * as stores from "./management/user-stores/route.ts";
import * as user from "./management/users/[userId]/route.ts";
import * as users from "./management/users/route.ts";
import * as introspect from "./oauth2/introspect/route.ts";
import * as revoke from "./oauth2/revoke/route.ts";
import * as token from "./oauth2/token/route.ts";

vi.mock("next/headers", async () => (await import("../testing/route-harness.ts")).nextHeaders);

type Handler = (r: Request, c: { params: Promise<never> }) => Promise<Response>;

const LDAP = { urls: ["ldap://127.0.0.1:1"], bindDn: "cn=a,dc=x", bindPassword: "x", userSearchBase: "ou=p,dc=x" };
const PASSWORD = { newPassword: TENANT_PASSWORD, confirmPassword: TENANT_PASSWORD };
/** A /management call with A's token; `path`, `params` and `body` are given the target. */
const mi =
  (
    handler: unknown,
    method: string,
    path: (x: string) => string,
    params: (x: string) => object = () => ({}),
    body?: (x: string) => unknown,
  ): Call =>
  (w, x) =>
    callRoute(
      handler as Handler,
      request(method, `/management${path(x)}`, { authorization: `Bearer ${w.a.token}`, body: body?.(x) }),
      params(x) as never,
    );
const oauth =
  (handler: unknown, path: string, form: (w: IsolationWorld, x: string) => Record<string, string>): Call =>
  (w, x) =>
    callRoute(
      handler as Handler,
      request("POST", path, { authorization: clientAuth(w.a.client).authorization, form: form(w, x) }),
      {} as never,
    );
const dcr =
  (method: string, query: (x: string) => string, body?: (x: string) => unknown): Call =>
  (w, x) =>
    callRoute(
      (method === "POST" ? register.POST : register.DELETE) as Handler,
      request(method, `/client-registration/v0.17/register${query(x)}`, {
        authorization: basic("admin@a.example", TENANT_PASSWORD),
        body: body?.(x),
      }),
      {} as never,
    );
const assign = (body: (x: string) => unknown) => mi(roles.PUT, "PUT", () => "/roles", undefined, body);
const named = (key: string, call: Call, b: string, missing: string): Row => ({ key, call, b: () => b, missing });
const u = (x: string) => ({ userId: x });
const r = (x: string) => ({ role: x });
const d = (x: string) => ({ domain: x });

const rows: Row[] = [
  named(
    "GET app/management/export/users/route.ts",
    mi(exportUsers.GET, "GET", (x) => `/export/users?format=json&search=${x}`),
    "bonly",
    "bzzzz",
  ),
  named(
    "GET app/management/users/[userId]/route.ts",
    mi(user.GET, "GET", (x) => `/users/${x}`, u),
    "bonly",
    "bzzzz",
  ),
  named(
    "PATCH app/management/users/[userId]/route.ts",
    mi(
      user.PATCH,
      "PATCH",
      (x) => `/users/${x}`,
      u,
      () => PASSWORD,
    ),
    "bonly",
    "bzzzz",
  ),
  named(
    "DELETE app/management/users/[userId]/route.ts",
    mi(user.DELETE, "DELETE", (x) => `/users/${x}`, u),
    "bonly",
    "bzzzz",
  ),
  named(
    "GET app/management/users/route.ts",
    mi(users.GET, "GET", (x) => `/users?pattern=${x}*`),
    "bonly",
    "bzzzz",
  ),
  named(
    "GET app/management/roles/[role]/route.ts",
    mi(role.GET, "GET", (x) => `/roles/${x}`, r),
    "only-b",
    "only-z",
  ),
  named(
    "DELETE app/management/roles/[role]/route.ts",
    mi(role.DELETE, "DELETE", (x) => `/roles/${x}`, r),
    "only-b",
    "only-z",
  ),
  named(
    "GET app/management/roles/route.ts",
    mi(roles.GET, "GET", (x) => `/roles?pattern=${x}*`),
    "only-b",
    "only-z",
  ),
  named(
    "PUT app/management/roles/route.ts",
    assign((x) => ({ userId: "alice", addedRoles: [x], removedRoles: [] })),
    "only-b",
    "only-z",
  ),
  named(
    "PUT app/management/roles/route.ts",
    assign((x) => ({ userId: x, addedRoles: ["editors"], removedRoles: [] })),
    "bonly",
    "bzzzz",
  ),
  named(
    "GET app/management/user-stores/[domain]/route.ts",
    mi(store.GET, "GET", (x) => `/user-stores/${x}`, d),
    "bonly",
    "bzzzz",
  ),
  named(
    "PUT app/management/user-stores/[domain]/route.ts",
    mi(
      store.PUT,
      "PUT",
      (x) => `/user-stores/${x}`,
      d,
      () => ({ version: 1, readOnly: true, settings: LDAP }),
    ),
    "bonly",
    "bzzzz",
  ),
  named(
    "PATCH app/management/user-stores/[domain]/route.ts",
    mi(
      store.PATCH,
      "PATCH",
      (x) => `/user-stores/${x}`,
      d,
      () => ({ version: 1, enabled: false }),
    ),
    "bonly",
    "bzzzz",
  ),
  named(
    "DELETE app/management/user-stores/[domain]/route.ts",
    mi(store.DELETE, "DELETE", (x) => `/user-stores/${x}?version=1`, d),
    "bonly",
    "bzzzz",
  ),
  named(
    "POST app/management/user-stores/[domain]/sync/route.ts",
    mi(sync.POST, "POST", (x) => `/user-stores/${x}/sync`, d),
    "bonly",
    "bzzzz",
  ),
  named(
    "POST app/management/user-stores/[domain]/test/route.ts",
    mi(storeTest.POST, "POST", (x) => `/user-stores/${x}/test`, d),
    "bonly",
    "bzzzz",
  ),
  named(
    "DELETE app/client-registration/v0.17/register/route.ts",
    dcr("DELETE", (x) => `?applicationName=${x}`),
    "app_b.example",
    "app_z.example",
  ),
  {
    key: "DELETE app/client-registration/v0.17/register/route.ts",
    call: dcr("DELETE", (x) => `?consumerKey=${x}`),
    b: (w) => w.b.client.clientId,
    missing: "no-such-consumer-key",
  },
  {
    key: "POST app/oauth2/revoke/route.ts",
    call: oauth(revoke.POST, "/oauth2/revoke", (_, x) => ({ token: x })),
    b: (w) => w.b.accessToken,
    missing: "no-such-token",
  },
  {
    key: "POST app/oauth2/introspect/route.ts",
    call: oauth(introspect.POST, "/oauth2/introspect", (_, x) => ({ token: x })),
    b: (w) => w.b.accessToken,
    missing: "no-such-token",
  },
  {
    key: "POST app/oauth2/token/route.ts",
    call: oauth(token.POST, "/oauth2/token", (_, x) => ({ grant_type: "refresh_token", refresh_token: x })),
    b: (w) => w.b.refreshToken,
    missing: "no-such-refresh-token",
  },
  // A's client asked for a token of B's user, with that user's right password.
  named(
    "POST app/oauth2/token/route.ts",
    oauth(token.POST, "/oauth2/token", (_, x) => ({ grant_type: "password", username: x, password: TENANT_PASSWORD })),
    "alice@b.example",
    "alice@zz.example",
  ),
  // DCR naming B's admin as the owner of A's new client.
  named(
    "POST app/client-registration/v0.17/register/route.ts",
    dcr(
      "POST",
      () => "",
      (x) => ({ clientName: "stolen", owner: x, grantType: "password" }),
    ),
    "admin@b.example",
    "admin@zz.example",
  ),
  // Creates last: B's names are free in A, and taking them tells nothing of B.
  named(
    "POST app/management/users/route.ts",
    mi(
      users.POST,
      "POST",
      () => "/users",
      undefined,
      (x) => ({ userId: x, password: TENANT_PASSWORD, isAdmin: false }),
    ),
    "bonly",
    "bzzzz",
  ),
  named(
    "POST app/management/roles/route.ts",
    mi(
      roles.POST,
      "POST",
      () => "/roles",
      undefined,
      (x) => ({ role: x }),
    ),
    "only-b",
    "only-z",
  ),
  named(
    "POST app/management/user-stores/route.ts",
    mi(
      stores.POST,
      "POST",
      () => "/user-stores",
      undefined,
      (x) => ({ domain: x, type: "ldap", settings: LDAP }),
    ),
    "bonly",
    "bzzzz",
  ),
  named(
    "POST app/client-registration/v0.17/register/route.ts",
    dcr(
      "POST",
      () => "",
      (x) => ({ clientName: x, owner: "admin@a.example", grantType: "password" }),
    ),
    "app_b.example",
    "app_z.example",
  ),
];

const lists: [string, Call][] = [
  ["GET app/management/users/route.ts", mi(users.GET, "GET", () => "/users")],
  ["GET app/management/export/users/route.ts", mi(exportUsers.GET, "GET", () => "/export/users?format=json")],
  ["GET app/management/roles/route.ts", mi(roles.GET, "GET", () => "/roles")],
  ["GET app/management/user-stores/route.ts", mi(stores.GET, "GET", () => "/user-stores")],
];

await isolationMatrix("REST isolation (/management, DCR, OAuth2)", "app/tenant-isolation-management.test.ts", rows, lists, (w) => {
  it("the MI's whole user list counts A's users only", async () => {
    const whole = (await (await mi(users.GET, "GET", () => "/users")(w(), "")).json()) as { count: number };
    expect(whole.count).toBe(await w().t.db.user.count({ where: { tenantId: w().a.tenantId } }));
  });
});
