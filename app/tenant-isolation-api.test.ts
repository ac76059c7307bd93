/**
 * Issue #15's isolation matrix through the REST routes of /api and the console's exports: tenant A's
 * admin (console cookie) addresses tenant B's objects by id and by name. Each answer must be the very
 * answer a nonexistent id or name gets, lists and searches hold none of B's rows, and B is unchanged
 * after every write. testing/isolation-coverage.ts lists the routes this file covers.
 */

import { vi } from "vitest";
import { isolationMatrix, type Call, type Row } from "../testing/isolation-matrix.ts";
import { get, ids, route } from "../testing/isolation-routes.ts";
import { MISSING, type IsolationWorld } from "../testing/isolation-world.ts";
import * as auditExport from "./(console)/audit/export/route.ts";
import * as usersExport from "./(console)/users/export/route.ts";
import * as tenantConfExport from "./(console)/settings/role-permissions/tenant-conf/export/route.ts";
import * as apimRole from "./api/am/admin/v4/roles/[roleId]/route.ts";
import * as scope from "./api/am/admin/v4/system-scopes/[scopeName]/route.ts";
import * as aliases from "./api/am/admin/v4/system-scopes/role-aliases/route.ts";
import * as scopes from "./api/am/admin/v4/system-scopes/route.ts";
import * as tenantConfig from "./api/am/admin/v4/tenant-config/route.ts";
import * as lifecycle from "./api/server/v1/tenants/[tenantId]/lifecycle-status/route.ts";
import * as metadata from "./api/server/v1/tenants/[tenantId]/metadata/route.ts";
import * as owner from "./api/server/v1/tenants/[tenantId]/owners/[ownerId]/route.ts";
import * as owners from "./api/server/v1/tenants/[tenantId]/owners/route.ts";
import * as tenant from "./api/server/v1/tenants/[tenantId]/route.ts";
import * as tenants from "./api/server/v1/tenants/route.ts";
import * as batch from "./api/v1/authz/check/batch/route.ts";
import * as check from "./api/v1/authz/check/route.ts";
import * as members from "./api/v1/roles/[id]/members/route.ts";
import * as roles from "./api/v1/roles/route.ts";
import * as disable from "./api/v1/users/[id]/disable/route.ts";
import * as enable from "./api/v1/users/[id]/enable/route.ts";
import * as unlock from "./api/v1/users/[id]/unlock/route.ts";
import * as bulkAssign from "./api/v1/users/bulk-assign-role/route.ts";
import * as bulkDelete from "./api/v1/users/bulk-delete/route.ts";
import * as users from "./api/v1/users/route.ts";

vi.mock("next/headers", async () => (await import("../testing/route-harness.ts")).nextHeaders);

type TenantConf = { RESTAPIScopes: { Scope: { Name: string; Roles: string }[] } };
const b64 = (s: string) => Buffer.from(s).toString("base64url");
const v1 = "/api/v1";
const am = "/api/am/admin/v4";
const is = "/api/server/v1/tenants";

const rows: Row[] = [
  // The pickers' searches for a name only B holds.
  ...(
    [
      ["users", users.GET, "bonly", "bzzzz"],
      ["roles", roles.GET, "only-b", "only-z"],
    ] as const
  ).map(([list, handler, b, missing]) => ({
    key: `GET app/api/v1/${list}/route.ts`,
    call: route(
      handler,
      "GET",
      (q) => `${v1}/${list}?q=${q}`,
      () => ({}),
    ),
    b: () => b,
    missing,
  })),
  {
    key: "GET app/api/v1/roles/[id]/members/route.ts",
    call: route(members.GET, "GET", (id) => `${v1}/roles/${id}/members`, ids),
    b: (w) => String(w.b.editors.id),
    missing: String(MISSING),
  },
  // The account-state routes, each with B's user's id.
  ...(
    [
      ["disable", disable.POST],
      ["enable", enable.POST],
      ["unlock", unlock.POST],
    ] as const
  ).map(([verb, handler]) => ({
    key: `POST app/api/v1/users/[id]/${verb}/route.ts`,
    call: route(
      handler,
      "POST",
      (id) => `${v1}/users/${id}/${verb}`,
      ids,
      () => ({ version: 1 }),
    ),
    b: (w: IsolationWorld) => String(w.b.alice.id),
    missing: String(MISSING),
  })),
  // Bulk assign: B's role to A's user, and A's role to B's user.
  ...(
    [
      [(w: IsolationWorld, id: number) => ({ roleId: id, userIds: [w.a.alice.id] }), (w: IsolationWorld) => w.b.editors.id],
      [(w: IsolationWorld, id: number) => ({ roleId: w.a.editors.id, userIds: [id] }), (w: IsolationWorld) => w.b.bonly.id],
    ] as const
  ).map(([body, b]) => ({
    key: "POST app/api/v1/users/bulk-assign-role/route.ts",
    call: ((w, id) =>
      route(
        bulkAssign.POST,
        "POST",
        () => `${v1}/users/bulk-assign-role`,
        () => ({}),
        () => body(w, Number(id)),
      )(w, id)) as Call,
    b: (w: IsolationWorld) => String(b(w)),
    missing: String(MISSING),
  })),
  {
    key: "POST app/api/v1/users/bulk-delete/route.ts",
    call: route(
      bulkDelete.POST,
      "POST",
      () => `${v1}/users/bulk-delete`,
      () => ({}),
      (id) => ({ userIds: [Number(id)] }),
    ),
    b: (w) => String(w.b.bonly.id),
    missing: String(MISSING),
  },
  {
    key: "POST app/api/v1/authz/check/route.ts",
    call: route(
      check.POST,
      "POST",
      () => `${v1}/authz/check`,
      () => ({}),
      (user) => ({ user, permission: "/permission/admin/login" }),
    ),
    b: () => "bonly",
    missing: "bzzzz",
  },
  {
    key: "POST app/api/v1/authz/check/batch/route.ts",
    call: route(
      batch.POST,
      "POST",
      () => `${v1}/authz/check/batch`,
      () => ({}),
      (user) => ({ checks: [{ user, scope: "apim:admin" }] }),
    ),
    b: () => "bonly",
    missing: "bzzzz",
  },
  {
    key: "HEAD app/api/am/admin/v4/roles/[roleId]/route.ts",
    call: route(
      apimRole.HEAD,
      "HEAD",
      (r) => `${am}/roles/${b64(r)}`,
      (r) => ({ roleId: b64(r) }),
    ),
    b: () => "only-b",
    missing: "only-z",
    tenantPath: true,
  },
  {
    key: "GET app/api/am/admin/v4/system-scopes/[scopeName]/route.ts",
    call: route(
      scope.GET,
      "GET",
      (u) => `${am}/system-scopes/${b64("apim:api_view")}?username=${u}`,
      () => ({ scopeName: b64("apim:api_view") }),
    ),
    b: () => "bonly",
    missing: "bzzzz",
    tenantPath: true,
  },
  {
    key: "PUT app/api/am/admin/v4/system-scopes/route.ts",
    call: route(
      scopes.PUT,
      "PUT",
      () => `${am}/system-scopes`,
      () => ({}),
      (r) => ({ list: [{ name: "apim:api_view", roles: ["admin", r] }] }),
    ),
    b: () => "only-b",
    missing: "only-z",
    tenantPath: true,
  },
  {
    key: "PUT app/api/am/admin/v4/system-scopes/role-aliases/route.ts",
    call: route(
      aliases.PUT,
      "PUT",
      () => `${am}/system-scopes/role-aliases`,
      () => ({}),
      (r) => ({ list: [{ role: r, aliases: ["editors"] }] }),
    ),
    b: () => "only-b",
    missing: "only-z",
    tenantPath: true,
  },
  {
    key: "PUT app/api/am/admin/v4/tenant-config/route.ts",
    // A's own document, with B's role named in one scope's roles.
    call: async (w, r, pt) => {
      const doc = (await (
        await route(
          tenantConfig.GET,
          "GET",
          () => `${am}/tenant-config`,
          () => ({}),
        )(w, r)
      ).json()) as TenantConf;
      const scopes = doc.RESTAPIScopes.Scope.map((s) => (s.Name === "apim:api_view" ? { ...s, Roles: `admin,${r}` } : s));
      return route(
        tenantConfig.PUT,
        "PUT",
        () => `${am}/tenant-config`,
        () => ({}),
        () => ({ ...doc, RESTAPIScopes: { Scope: scopes } }),
      )(w, r, pt);
    },
    b: () => "only-b",
    missing: "only-z",
    tenantPath: true,
  },
  ...(
    [
      ["GET app/api/server/v1/tenants/[tenantId]/route.ts", tenant.GET, "GET", ""],
      ["DELETE app/api/server/v1/tenants/[tenantId]/route.ts", tenant.DELETE, "DELETE", ""],
      ["GET app/api/server/v1/tenants/[tenantId]/owners/route.ts", owners.GET, "GET", "/owners"],
      ["PUT app/api/server/v1/tenants/[tenantId]/lifecycle-status/route.ts", lifecycle.PUT, "PUT", "/lifecycle-status"],
      ["DELETE app/api/server/v1/tenants/[tenantId]/metadata/route.ts", metadata.DELETE, "DELETE", "/metadata"],
    ] as const
  ).map(([key, handler, method, tail]) => ({
    key,
    call: route(
      handler,
      method,
      (id) => `${is}/${id}${tail}`,
      (tenantId) => ({ tenantId }),
      method === "PUT" ? () => ({ activated: false }) : undefined,
    ),
    b: (w: IsolationWorld) => String(w.b.tenantId),
    missing: String(MISSING),
    tenantPath: true,
  })),
  {
    key: "PUT app/api/server/v1/tenants/[tenantId]/owners/[ownerId]/route.ts",
    call: (w, id, pt) =>
      route(
        owner.PUT,
        "PUT",
        () => `${is}/${id}/owners/${w.b.admin.userId}`,
        () => ({ tenantId: id, ownerId: String(w.b.admin.userId) }),
        () => ({
          email: "x@x.example",
        }),
      )(w, id, pt),
    b: (w) => String(w.b.tenantId),
    missing: String(MISSING),
    tenantPath: true,
  },
  {
    key: "POST app/api/server/v1/tenants/route.ts",
    call: route(
      tenants.POST,
      "POST",
      () => is,
      () => ({}),
      (domain) => ({
        domain,
        owners: [{ username: "x", password: "a perfectly long password", email: "x@x.example", firstname: "X", lastname: "Y" }],
      }),
    ),
    b: () => "b.example",
    missing: "zz.example",
    tenantPath: true,
  },
  {
    key: "GET app/(console)/audit/export/route.ts",
    call: route(
      auditExport.GET,
      "GET",
      (q) => `/audit/export?format=json&q=${q}`,
      () => ({}),
    ),
    b: () => "bonly",
    missing: "bzzzz",
  },
  {
    key: "GET app/(console)/users/export/route.ts",
    call: route(
      usersExport.GET,
      "GET",
      (q) => `/users/export?format=json&q=${q}`,
      () => ({}),
    ),
    b: () => "bonly",
    missing: "bzzzz",
  },
];

// Lists: what A is shown holds none of B's names (B's only objects and B's domain).
const lists: [string, Call][] = [
  ["GET app/api/am/admin/v4/system-scopes/route.ts", get(scopes.GET, `${am}/system-scopes`)],
  ["GET app/api/am/admin/v4/system-scopes/role-aliases/route.ts", get(aliases.GET, `${am}/system-scopes/role-aliases`)],
  ["GET app/api/am/admin/v4/tenant-config/route.ts", get(tenantConfig.GET, `${am}/tenant-config`)],
  ["GET app/api/server/v1/tenants/route.ts", get(tenants.GET, is)],
  ["GET app/(console)/settings/role-permissions/tenant-conf/export/route.ts", get(tenantConfExport.GET, "/x")],
  ["GET app/(console)/audit/export/route.ts", get(auditExport.GET, "/audit/export?format=json")],
  ["GET app/(console)/users/export/route.ts", get(usersExport.GET, "/users/export?format=json")],
  ["GET app/api/v1/users/route.ts", get(users.GET, `${v1}/users?size=100`)],
  ["GET app/api/v1/roles/route.ts", get(roles.GET, `${v1}/roles?size=100`)],
];

await isolationMatrix("REST isolation (/api, exports)", "app/tenant-isolation-api.test.ts", rows, lists);
